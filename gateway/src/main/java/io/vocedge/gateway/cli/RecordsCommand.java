package io.vocedge.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.common.cli.BadInputException;
import io.vocedge.common.text.Printable;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.console.auth.SiteScope;
import io.vocedge.gateway.console.data.ConsoleQueries;
import io.vocedge.gateway.console.data.Filter;
import io.vocedge.gateway.console.data.Views.ConversationRow;
import io.vocedge.gateway.console.data.Views.UtteranceView;
import io.vocedge.gateway.console.web.Csv;
import io.vocedge.gateway.console.web.Exports;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code records}: utterances (or, with {@code --conversations}, conversations and their attention verdict) from the
 * VoC store, with the read API's filters and its row shapes ({@link Exports}), as a table, JSON lines or CSV. Read-only:
 * it opens an existing store and never creates one (a mistyped {@code --data-dir} is an error, not an empty new
 * database). Not audit-logged like the console's reads: whoever runs it can already read the store's files.
 */
@Command(
        name = "records",
        description = {
            "Print utterances (or conversations) from an existing store, newest N, oldest first;"
                    + " read-only, never creates a store.",
            "Filters as in the read API /api/v1/records and /api/v1/conversations.",
            "Exit code 2 when there is no store where --data-dir or --config points, or a filter is malformed."
        })
final class RecordsCommand implements Callable<Integer> {
    enum Format {
        table,
        json,
        csv
    }

    @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
    Path dataDir;

    @Option(names = "--limit", defaultValue = "20", description = "how many (1-10000, default: ${DEFAULT-VALUE})")
    int limit;

    @Option(
            names = "--conversations",
            description =
                    "conversations with their verdict (attention, reason, peak-end score)" + " instead of utterances")
    boolean conversations;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "from this UTC time or date (2026-12-02T10:00:00Z or 2026-12-02)")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "before this UTC time, or to the end of this date")
    String until;

    @Option(names = "--site", paramLabel = "SITE", description = "only this site (repeat for several)")
    List<String> sites = new ArrayList<>();

    @Option(names = "--topic", paramLabel = "TOPIC", description = "only with this topic id (e.g. delivery)")
    String topic;

    @Option(
            names = "--sentiment",
            paramLabel = "S",
            description = "positive, neutral or negative (conversations: with an" + " utterance of it)")
    String sentiment;

    @Option(names = "--speaker", paramLabel = "ROLE", description = "utterances only: staff, customer or unknown")
    String speaker;

    @Option(
            names = "--attention",
            description = "only conversations that need attention (with utterances: only their utterances)")
    boolean attention;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "table (default), json (one object per line) or csv")
    String format;

    @Option(names = "--json", description = "same as --format json")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit " + limit + " must be 1-10000");
        }
        Format fmt = format();
        Filter filter = filter();
        SiteScope scope = sites.size() > 1 ? SiteScope.only(new LinkedHashSet<>(sites)) : SiteScope.ALL;
        GatewayConfig cfg = GatewayConfig.resolve(config, dataDir);
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcVocStore store = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
            ConsoleQueries queries =
                    new ConsoleQueries(store.dataSource(), store.dialect(), io.vocedge.common.json.Mappers.json());
            if (conversations) {
                print(
                        out,
                        fmt,
                        pages(f -> queries.conversations(scope, f), filter).reversed());
            } else {
                printUtterances(
                        out,
                        fmt,
                        pages(f -> queries.utterances(scope, f), filter).reversed());
            }
            out.flush();
            return 0;
        }
    }

    private Format format() {
        if (json && format != null && !format.equals("json")) {
            throw new BadInputException(
                    "--json and --format " + Filter.shorten(format) + " disagree: give one of them");
        }
        if (json) {
            return Format.json;
        }
        if (format == null) {
            return Format.table;
        }
        try {
            return Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format '" + Filter.shorten(format) + "': use table, json or csv");
        }
    }

    /** The filters, checked by the same parser as the read API (errors name the option). */
    private Filter filter() {
        if (conversations && speaker != null) {
            throw new BadInputException(
                    "--speaker filters utterances; conversations take --since, --until, --site, --topic,"
                            + " --sentiment and --attention");
        }
        for (String s : sites) {
            if (!io.vocedge.protocol.Ids.isValid(s)) {
                throw new BadInputException(
                        "--site '" + Filter.shorten(s) + "': a site id is 1-64 characters of a-z, 0-9, '-' or '_'");
            }
        }
        Map<String, String> p = new java.util.HashMap<>();
        p.put("since", since);
        p.put("until", until);
        p.put("site", sites.size() == 1 ? sites.get(0) : null);
        p.put("topic", topic);
        p.put("sentiment", sentiment);
        p.put("speaker", speaker);
        p.put("attention", attention ? "true" : null);
        try {
            return Filter.parse(p::get).withPage(Math.min(limit, Filter.MAX_LIMIT), 0);
        } catch (BadInputException e) {
            // The API's message names its query parameters; here they are options.
            throw new BadInputException("--" + e.getMessage().replace(" before until (", " before --until ("));
        }
    }

    private interface PageQuery<T> {
        List<T> page(Filter f) throws SQLException;
    }

    /** The newest {@code limit} rows, newest first, read in pages of at most {@link Filter#MAX_LIMIT}. */
    private <T> List<T> pages(PageQuery<T> query, Filter first) throws SQLException {
        List<T> all = new ArrayList<>();
        while (all.size() < limit) {
            int size = Math.min(Filter.MAX_LIMIT, limit - all.size());
            List<T> page = query.page(first.withPage(size, all.size()));
            all.addAll(page);
            if (page.size() < size || all.size() >= Filter.MAX_OFFSET) {
                break;
            }
        }
        return all;
    }

    private static void printUtterances(PrintWriter out, Format fmt, List<UtteranceView> rows) throws Exception {
        switch (fmt) {
            case json -> {
                ObjectMapper mapper = io.vocedge.common.json.Mappers.json();
                for (UtteranceView u : rows) {
                    out.println(mapper.writeValueAsString(Exports.utteranceJson(u)));
                }
            }
            case csv -> {
                Csv csv = new Csv().row(Exports.UTTERANCE_CSV_HEADER);
                rows.forEach(u -> Exports.utteranceCsv(csv, u));
                out.print(csv);
            }
            case table -> {
                out.printf(
                        Locale.ROOT,
                        "%-20s %-14s %5s %-10s %-9s %-9s %-28s %s%n",
                        "at",
                        "device",
                        "seq",
                        "site",
                        "speaker",
                        "sentiment",
                        "topics",
                        "text");
                for (UtteranceView u : rows) {
                    // Every column but seq and at came from a device: control and bidi characters never reach the
                    // terminal.
                    out.printf(
                            Locale.ROOT,
                            "%-20s %-14s %5d %-10s %-9s %-9s %-28s %s%n",
                            at(u.at()),
                            safe(u.deviceId(), 64),
                            u.seq(),
                            safe(u.site(), 64),
                            safe(u.speaker(), 32),
                            safe(u.sentiment(), 32),
                            safe(Exports.topicIds(u), 512),
                            safe(u.text(), Limits.MAX_TEXT_CHARS));
                }
            }
        }
    }

    private static void print(PrintWriter out, Format fmt, List<ConversationRow> rows) throws Exception {
        switch (fmt) {
            case json -> {
                ObjectMapper mapper = io.vocedge.common.json.Mappers.json();
                for (ConversationRow r : rows) {
                    out.println(mapper.writeValueAsString(Exports.conversationJson(r)));
                }
            }
            case csv -> {
                Csv csv = new Csv().row(Exports.CONVERSATION_CSV_HEADER);
                rows.forEach(r -> Exports.conversationCsv(csv, r));
                out.print(csv);
            }
            case table -> {
                out.printf(
                        Locale.ROOT,
                        "%-20s %-14s %-10s %-24s %-9s %6s %-28s %s%n",
                        "at",
                        "device",
                        "site",
                        "conversation",
                        "attention",
                        "score",
                        "topics",
                        "reason");
                for (ConversationRow r : rows) {
                    out.printf(
                            Locale.ROOT,
                            "%-20s %-14s %-10s %-24s %-9s %6s %-28s %s%n",
                            at(r.at()),
                            safe(r.deviceId(), 64),
                            safe(r.site(), 64),
                            safe(r.conversationId(), 64),
                            r.attention() ? "YES" : "no",
                            r.score() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", r.score()),
                            safe(String.join(" ", r.topics()), 512),
                            safe(r.reason(), 300));
                }
            }
        }
    }

    private static String at(java.time.Instant t) {
        return t == null
                ? "-"
                : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String safe(Object o, int maxChars) {
        return o == null || o.toString().isEmpty() ? "-" : Printable.of(o.toString(), maxChars);
    }
}
