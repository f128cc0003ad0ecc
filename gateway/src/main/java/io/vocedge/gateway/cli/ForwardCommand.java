package io.vocedge.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.forward.ForwardEvent;
import io.vocedge.gateway.forward.ForwardSettings;
import io.vocedge.gateway.forward.HttpSink;
import io.vocedge.gateway.forward.KafkaSink;
import io.vocedge.gateway.forward.OutboxStore;
import io.vocedge.gateway.forward.Replay;
import io.vocedge.gateway.forward.Sink;
import io.vocedge.gateway.store.JdbcVocStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forward status|replay}: the forwarding outbox's lag per sink, and re-publishing a time range. */
@Command(
        name = "forward",
        description = "Forwarding to the central platform: lag per sink, and replaying a time range.",
        subcommands = {ForwardCommand.Status.class, ForwardCommand.ReplayRange.class})
final class ForwardCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: status or replay");
    }

    @Command(
            name = "status",
            description = {
                "Per sink: events not yet forwarded, their bytes, the oldest one's age and "
                        + "when the sink last published; and what the outbox holds. Read-only (never creates a store); works beside a "
                        + "running gateway. Sinks are those in the config and those that ever published from this store."
            })
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        LexiconCommand.Store target; // --config / --data-dir, as every store command

        @Option(names = "--json", description = "one JSON object")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CommandLine cli = spec.commandLine();
            GatewayConfig cfg = GatewayConfig.resolve(target.config, target.dataDir);
            PrintWriter out = cli.getOut();
            Instant now = Instant.now();
            try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                OutboxStore os = new OutboxStore(store.dataSource(), store.dialect());
                TreeSet<String> sinks = new TreeSet<>(cfg.forward().sinkNames());
                sinks.addAll(os.sinks());
                OutboxStore.Totals t = os.totals();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String s : sinks) {
                    OutboxStore.Lag lag = os.lag(s);
                    Instant last = os.lastSent(s);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("sink", s);
                    m.put("configured", cfg.forward().sinkNames().contains(s));
                    m.put("pending_events", lag.events());
                    m.put("pending_bytes", lag.bytes());
                    m.put(
                            "oldest_unforwarded_at",
                            lag.oldest() == null ? null : lag.oldest().toString());
                    m.put(
                            "oldest_unforwarded_age_seconds",
                            lag.oldest() == null
                                    ? 0
                                    : Math.max(
                                            0,
                                            Duration.between(lag.oldest(), now).toSeconds()));
                    m.put("last_published_at", last == null ? null : last.toString());
                    rows.add(m);
                }
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("ok", true);
                    doc.put("forwarding_enabled", cfg.forward().enabled());
                    Map<String, Object> outbox = new LinkedHashMap<>();
                    outbox.put("events", t.events());
                    outbox.put("bytes", t.bytes());
                    outbox.put("device_keys", t.deviceKeys());
                    outbox.put(
                            "oldest_at", t.oldest() == null ? null : t.oldest().toString());
                    outbox.put(
                            "newest_at", t.newest() == null ? null : t.newest().toString());
                    outbox.put(
                            "retention",
                            io.vocedge.common.config.ConfigNode.format(
                                    cfg.forward().retention()));
                    doc.put("outbox", outbox);
                    doc.put("sinks", rows);
                    out.println(new ObjectMapper().writeValueAsString(doc));
                } else {
                    if (!cfg.forward().enabled()) {
                        out.println(
                                "forwarding is off in this configuration (no forward.kafka or forward.http): nothing new"
                                        + " goes into the outbox");
                    }
                    out.printf(
                            Locale.ROOT,
                            "outbox: %d events, %d bytes, %d device keys, oldest %s, kept %s after forwarding%n",
                            t.events(),
                            t.bytes(),
                            t.deviceKeys(),
                            t.oldest() == null ? "-" : t.oldest(),
                            io.vocedge.common.config.ConfigNode.format(
                                    cfg.forward().retention()));
                    out.printf(
                            Locale.ROOT,
                            "%-8s %-10s %14s %14s %12s  %s%n",
                            "sink",
                            "configured",
                            "pending_events",
                            "pending_bytes",
                            "oldest_age_s",
                            "last_published_at");
                    for (Map<String, Object> m : rows) {
                        out.printf(
                                Locale.ROOT,
                                "%-8s %-10s %14d %14d %12d  %s%n",
                                m.get("sink"),
                                (boolean) m.get("configured") ? "yes" : "no",
                                (long) m.get("pending_events"),
                                (long) m.get("pending_bytes"),
                                (long) m.get("oldest_unforwarded_age_seconds"),
                                m.get("last_published_at") == null ? "never" : m.get("last_published_at"));
                    }
                    if (rows.isEmpty()) {
                        out.println("(no sink configured and none ever published from this store)");
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(
            name = "replay",
            description = {
                "Re-publish the events committed in a time range to the configured sink(s), "
                        + "with their ORIGINAL event ids and payloads, each device's events in order: a receiver that deduplicates on "
                        + "the event id (as it must) keeps one copy. Covers what the outbox still holds (forward.retention after "
                        + "forwarding). Runs beside a running gateway (Kafka: its own transactional id, voc-replay-<gateway_id>).",
                "Exit code 0 when every event in the range was published, 1 when a sink failed (it says how far it got; running "
                        + "it again is harmless), 2 for bad input (bad time, unknown kind or sink, no sink configured)."
            })
    static final class ReplayRange implements Callable<Integer> {
        @CommandLine.Mixin
        LexiconCommand.Store target; // --config / --data-dir, as every store command

        @Option(
                names = "--since",
                required = true,
                paramLabel = "T",
                description = "from T (inclusive): a time " + "(2026-12-01T08:00:00Z) or an age (90m, 24h, 7d)")
        String since;

        @Option(names = "--until", paramLabel = "T", description = "to T (exclusive; default: now), a time or an age")
        String until;

        @Option(
                names = "--kind",
                paramLabel = "K",
                description = "only this kind: utterance, conversation, telemetry, " + "status, alert or case")
        String kind;

        @Option(
                names = "--sink",
                paramLabel = "S",
                description = "only this sink: kafka or http (default: every " + "configured sink)")
        String sink;

        @Option(names = "--json", description = "the result as one JSON object")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CommandLine cli = spec.commandLine();
            Instant from = DeadLettersCommand.since(cli, since);
            Instant to = until == null ? Instant.now() : time(cli, "--until", until);
            if (!to.isAfter(from)) {
                throw new CommandLine.ParameterException(
                        cli, "--until (" + to + ") must be after --since (" + from + ")");
            }
            if (kind != null && !ForwardEvent.KINDS.contains(kind)) {
                throw new CommandLine.ParameterException(
                        cli,
                        "--kind '" + Printable.of(kind, 40) + "' is not a forwarded " + "kind: one of "
                                + String.join(", ", ForwardEvent.KINDS));
            }
            if (sink != null && !List.of("kafka", "http").contains(sink)) {
                throw new CommandLine.ParameterException(
                        cli, "--sink '" + Printable.of(sink, 40) + "' is not a sink: kafka" + " or http");
            }
            GatewayConfig cfg = GatewayConfig.resolve(target.config, target.dataDir);
            ForwardSettings fwd = cfg.forward();
            List<String> names = sink == null ? fwd.sinkNames() : List.of(sink);
            if (names.isEmpty() || !fwd.sinkNames().containsAll(names)) {
                throw new CommandLine.ParameterException(
                        cli,
                        (sink == null ? "no sink is configured" : "sink " + sink + " is not configured") + " in "
                                + (target.config == null ? "the embedded defaults" : target.config) + ": add forward."
                                + (sink == null ? "kafka or forward.http" : sink)
                                + " (gateway/README.md \"Forwarding\")");
            }
            PrintWriter out = cli.getOut();
            List<Replay.Result> results = new ArrayList<>();
            try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                Replay replay = new Replay(
                        new OutboxStore(store.dataSource(), store.dialect()),
                        fwd.batchMaxEvents(),
                        fwd.batchMaxBytes());
                for (String name : names) {
                    try (Sink s = name.equals("kafka")
                            ? KafkaSink.forReplay(fwd.kafka(), cfg.gatewayId())
                            : new HttpSink(fwd.http(), cfg.gatewayId(), Clock.systemUTC())) {
                        results.add(replay.run(s, from, to, kind));
                    }
                }
            }
            boolean ok = results.stream().allMatch(r -> r.error() == null);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", ok);
                doc.put("since", from.toString());
                doc.put("until", to.toString());
                doc.put("kind", kind);
                List<Map<String, Object>> sinks = new ArrayList<>();
                for (Replay.Result r : results) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("sink", r.sink());
                    m.put("events", r.events());
                    m.put("batches", r.batches());
                    m.put("error", r.error());
                    sinks.add(m);
                }
                doc.put("sinks", sinks);
                out.println(new ObjectMapper().writeValueAsString(doc));
            } else {
                for (Replay.Result r : results) {
                    out.printf(
                            Locale.ROOT,
                            "%s: replayed %d event(s) in %d batch(es) from %s to %s%s%s%n",
                            r.sink(),
                            r.events(),
                            r.batches(),
                            from,
                            to,
                            kind == null ? "" : " (kind " + kind + ")",
                            r.error() == null
                                    ? ""
                                    : "; STOPPED: " + Printable.of(r.error(), 300) + " - run it again"
                                            + " (receivers drop what they already have)");
                }
            }
            out.flush();
            if (!ok) {
                cli.getErr()
                        .println("error: replay incomplete: "
                                + results.stream()
                                        .filter(r -> r.error() != null)
                                        .map(r -> r.sink() + ": " + Printable.of(r.error(), 200))
                                        .reduce((a, b) -> a + "; " + b)
                                        .orElse(""));
                cli.getErr().flush();
            }
            return ok ? 0 : 1;
        }

        private static Instant time(CommandLine cli, String option, String value) {
            try {
                return DeadLettersCommand.since(cli, value);
            } catch (CommandLine.ParameterException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage().replace("--since", option));
            }
        }
    }
}
