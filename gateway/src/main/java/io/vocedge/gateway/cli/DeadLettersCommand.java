package io.vocedge.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.deadletter.DeadLetterQuery;
import io.vocedge.gateway.deadletter.DeadLetterRedrive;
import io.vocedge.gateway.deadletter.DeadLetterRow;
import io.vocedge.gateway.ingest.BatchValidator;
import io.vocedge.gateway.registry.DeviceRegistry;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Json;
import io.vocedge.protocol.SchemaValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dead-letters list|redrive}: what the gateway refused, by stable reason code, and re-ingesting it after a fix. */
@Command(
        name = "dead-letters",
        description = "What the gateway refused (by reason code) and re-ingesting it after a fix.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Redrive.class})
final class DeadLettersCommand implements Runnable {
    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhd])");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or redrive");
    }

    /** Where the store is, and the filters both subcommands share. */
    static final class Target {
        @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
        Path dataDir;

        @Option(
                names = "--reason",
                paramLabel = "CODE",
                description = "only this reason code (e.g. store_refused, "
                        + "device_unknown, invalid_record; the voc_dead_letters{reason} label)")
        String reason;

        String reason(CommandLine cli) {
            if (reason != null && !REASON.matcher(reason).matches()) {
                throw new CommandLine.ParameterException(
                        cli,
                        "--reason '" + Printable.of(reason, 80)
                                + "' is not a reason code: lower-case letters, digits and '_', e.g. store_refused");
            }
            return reason;
        }
    }

    static Instant since(CommandLine cli, String since) {
        if (since == null) {
            return null;
        }
        Matcher ago = AGO.matcher(since);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Instant.now().minus(d);
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(
                    cli,
                    "--since '" + Printable.of(since, 80) + "' is neither a time like "
                            + "2026-12-01T08:00:00Z nor an age like 90m, 24h or 7d");
        }
    }

    @Command(
            name = "list",
            description = {
                "List dead letters, oldest first: id, time, reason code, device, seq, "
                        + "redrive state and the reason text (read-only; never creates a store)."
            })
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(
                names = "--since",
                paramLabel = "T",
                description =
                        "only those received since T: a time " + "(2026-12-01T08:00:00Z) or an age (90m, 24h, 7d)")
        String since;

        @Option(
                names = "--limit",
                defaultValue = "100",
                description = "at most this many (1-100000, default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--json", description = "one JSON object per dead letter (payload size, not the payload)")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CommandLine cli = spec.commandLine();
            if (limit < 1 || limit > 100_000) {
                throw new CommandLine.ParameterException(cli, "--limit " + limit + " must be 1-100000");
            }
            String reason = target.reason(cli);
            Instant from = since(cli, since);
            GatewayConfig cfg = GatewayConfig.resolve(target.config, target.dataDir);
            PrintWriter out = cli.getOut();
            try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                List<DeadLetterRow> rows =
                        new DeadLetterQuery(store.dataSource(), store.dialect()).find(reason, from, null, false, limit);
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    for (DeadLetterRow r : rows) {
                        out.println(mapper.writeValueAsString(asMap(r)));
                    }
                } else {
                    out.printf(
                            Locale.ROOT,
                            "%6s %-24s %-22s %-16s %6s %-9s %s%n",
                            "id",
                            "received_at",
                            "reason_code",
                            "device",
                            "seq",
                            "redriven",
                            "reason");
                    for (DeadLetterRow r : rows) {
                        // Device ids, topics and reasons came (partly) from devices: never raw to a terminal.
                        out.printf(
                                Locale.ROOT,
                                "%6d %-24s %-22s %-16s %6s %-9s %s%n",
                                r.id(),
                                r.receivedAt(),
                                safe(r.reasonCode(), 64),
                                safe(r.deviceId(), 64),
                                r.seq() == null ? "-" : r.seq().toString(),
                                r.redrivenAt() == null ? "no" : "yes",
                                safe(r.reason(), 500));
                    }
                }
                out.flush();
                return 0;
            }
        }

        private static Map<String, Object> asMap(DeadLetterRow r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("received_at", r.receivedAt().toString());
            m.put("gateway_id", r.gatewayId());
            m.put("topic", r.topic());
            m.put("device_id", r.deviceId());
            m.put("seq", r.seq());
            m.put("reason_code", r.reasonCode());
            m.put("reason", r.reason());
            m.put("payload_bytes", r.payloadBytes());
            m.put("redriven_at", r.redrivenAt() == null ? null : r.redrivenAt().toString());
            m.put("redrive_outcome", r.redriveOutcome());
            return m;
        }
    }

    @Command(
            name = "redrive",
            description = {
                "Re-ingest dead letters after their cause was fixed: each goes through the "
                        + "normal validation and into the store by (device_id, seq), so a record stored meanwhile is not stored twice; "
                        + "a redriven dead letter is marked and never redriven again.",
                "Needs --reason or --id. Exit code 0 when every selected dead letter was stored or was already there, 1 when "
                        + "some are still refused (listed with the reason) or the store is unavailable (run it again later)."
            })
    static final class Redrive implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--id", paramLabel = "N", description = "only the dead letter with this id")
        Long id;

        @Option(
                names = "--limit",
                defaultValue = "10000",
                description = "at most this many per run (1-100000, default: ${DEFAULT-VALUE})")
        int limit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CommandLine cli = spec.commandLine();
            String reason = target.reason(cli);
            if (reason == null && id == null) {
                throw new CommandLine.ParameterException(
                        cli, "name what to redrive: --reason CODE (see 'dead-letters list') " + "or --id N");
            }
            if (limit < 1 || limit > 100_000) {
                throw new CommandLine.ParameterException(cli, "--limit " + limit + " must be 1-100000");
            }
            GatewayConfig cfg = GatewayConfig.resolve(target.config, target.dataDir);
            PrintWriter out = cli.getOut();
            // openExisting: never creates a store; the tables it writes (records, dead_letters) exist in every store.
            try (JdbcVocStore store = JdbcVocStore.openExistingForWrite(cfg.store(), cfg.gatewayId())) {
                if (cfg.forward().enabled()) {
                    // Redriven records are stored records: their events go into the forwarding outbox with them, and
                    // the running gateway's forwarders publish them (they poll the outbox).
                    store.addParticipant(new io.vocedge.gateway.forward.OutboxParticipant(
                            new io.vocedge.gateway.forward.ForwardOutbox(
                                    store.dialect(), cfg.gatewayId(), true, java.time.Clock.systemUTC(), () -> {}),
                            () -> {}));
                }
                DeviceRegistry registry = new DeviceRegistry(store, "strict".equals(cfg.registryMode()));
                registry.refresh();
                ObjectMapper mapper = Json.newMapper();
                SchemaValidator schemas = new SchemaValidator();
                DeadLetterRedrive redrive =
                        new DeadLetterRedrive(store, new BatchValidator(mapper, schemas, registry), mapper);
                List<DeadLetterRow> rows = new DeadLetterQuery(store.dataSource(), store.dialect())
                        .find(reason, null, id, id == null, limit);
                if (rows.isEmpty()) {
                    out.println(
                            id != null
                                    ? "no dead letter with id " + id + (reason == null ? "" : " and reason " + reason)
                                    : "no dead letter with reason " + reason + " waiting for a redrive");
                    out.flush();
                    return id != null ? 1 : 0;
                }
                int failed = 0;
                for (DeadLetterRow r : rows) {
                    DeadLetterRedrive.Outcome o = redrive.redrive(r);
                    if (o.result().equals("still_refused") || o.result().equals("not_redrivable")) {
                        failed++;
                    }
                    out.printf(Locale.ROOT, "%d %s %s%n", o.id(), o.result(), Printable.of(o.detail(), 500));
                }
                out.printf(
                        Locale.ROOT,
                        "redriven %d dead letter(s); %d still refused or not redrivable%n",
                        rows.size() - failed,
                        failed);
                out.flush();
                return failed == 0 ? 0 : 1;
            }
        }
    }

    private static String safe(String s, int max) {
        return s == null ? "-" : Printable.of(s, max);
    }
}
