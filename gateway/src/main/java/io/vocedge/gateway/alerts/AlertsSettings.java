package io.vocedge.gateway.alerts;

import io.vocedge.common.config.ConfigNode;
import io.vocedge.common.webhook.WebhookSigner;
import io.vocedge.gateway.settings.SettingsSupport;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway config's {@code alerts:} section, read strictly: channels, rules, rosters, sites (time zone,
 * language, store and quiet hours) and delivery settings. Every problem names the channel, rule or roster by its id
 * and the field ({@code alerts.rules[spike-delivery].min_count: ...}). With channels and no rules the built-in
 * {@code attention} rule is on and notifies every channel.
 */
public record AlertsSettings(
        List<Channel> channels,
        List<Rule> rules,
        List<Roster> rosters,
        Map<String, Site> sites,
        String consoleUrl,
        String linkSecret,
        Duration linkValidity,
        Duration groupWindow,
        Duration groupMaxDelay,
        Duration retryFor,
        Duration firstRetry,
        Duration maxRetryDelay,
        Duration evaluateEvery,
        boolean builtInAttention,
        Duration rulesReloadEvery) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]{1,64}@[A-Za-z0-9.-]{1,253}");

    public enum ChannelKind {
        WEBHOOK,
        WECOM,
        DINGTALK,
        SLACK,
        SMTP
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    public enum RuleKind {
        /** A conversation summary whose attention verdict is set. */
        ATTENTION,
        /** A customer utterance at or below {@code max_score} on one of {@code topics}. */
        NEGATIVE_UTTERANCE,
        /** A staff utterance flagged {@code profanity}. */
        STAFF_PROFANITY,
        /** A site's greeting or thanks rate over its last N conversations below a threshold. */
        COMPLIANCE_RATE,
        /** A site's count for a topic in the last hour well above the same hour of the last four weeks. */
        TOPIC_SPIKE,
        /** A device offline longer than {@code after} during store hours (periodic). */
        DEVICE_OFFLINE,
        /** A device's oldest unsent record older than {@code older_than} (its telemetry says). */
        OUTBOX_STALE,
        /** A certificate or CRL file expiring within {@code within} (periodic). */
        CERT_EXPIRY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean periodic() {
            return this == DEVICE_OFFLINE || this == CERT_EXPIRY;
        }

        /** The record kinds this rule looks at when records are stored; none for periodic rules. */
        public Set<String> recordKinds() {
            return switch (this) {
                case ATTENTION, COMPLIANCE_RATE -> Set.of("conversation");
                case NEGATIVE_UTTERANCE, STAFF_PROFANITY, TOPIC_SPIKE -> Set.of("utterance");
                case OUTBOX_STALE -> Set.of("telemetry");
                case DEVICE_OFFLINE, CERT_EXPIRY -> Set.of();
            };
        }
    }

    /** Where notifications go. {@code secret}: webhook signing key, DingTalk signing secret; never shown. */
    public record Channel(
            String id,
            ChannelKind kind,
            URI url,
            String secret,
            List<String> to,
            String from,
            String user,
            String password,
            boolean starttls,
            Duration timeout) {}

    /** A site's clock and language; store hours bound fleet rules and escalation, quiet hours hold notifications. */
    public record Site(String id, ZoneId zone, String language, DailyWindow storeHours, DailyWindow quietHours) {}

    /** One person on a roster: notified on these channels during these hours. */
    public record Person(String name, List<String> channels, DailyWindow hours) {}

    /** Who is on duty for some sites, in escalation order. */
    public record Roster(String id, Set<String> sites, Duration ackWithin, List<Person> chain) {
        public boolean covers(String site) {
            return sites.isEmpty() || sites.contains(site);
        }
    }

    /**
     * A rule. Kind-specific fields are zero/empty when the kind does not use them.
     *
     * @param sites the sites it applies to (empty: all)
     * @param channels channels notified (empty: every channel when no roster is set)
     * @param storeHoursOnly fires only during the site's store hours
     * @param quietHours notifications held until these end (null: the site's quiet hours)
     * @param cooldown at most one alert per rule and subject within this time (rate, spike, fleet rules)
     */
    public record Rule(
            String id,
            RuleKind kind,
            Severity severity,
            Set<String> sites,
            List<String> channels,
            String roster,
            boolean storeHoursOnly,
            DailyWindow quietHours,
            Duration cooldown,
            List<String> topics,
            double maxScore,
            String measure,
            double threshold,
            int lastN,
            int minCount,
            double factor,
            Duration after,
            List<Path> files) {
        public boolean appliesTo(String site) {
            return sites.isEmpty() || sites.contains(site);
        }
    }

    public static AlertsSettings none() {
        return new AlertsSettings(
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                null,
                null,
                Duration.ofDays(7),
                Duration.ofMinutes(2),
                Duration.ofSeconds(5),
                Duration.ofHours(72),
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                Duration.ofSeconds(30),
                false,
                Duration.ofSeconds(5));
    }

    public boolean enabled() {
        return !channels.isEmpty();
    }

    public Site site(String id) {
        Site s = sites.get(id);
        if (s != null) {
            return s;
        }
        Site d = sites.get("default");
        return d != null
                ? new Site(id, d.zone(), d.language(), d.storeHours(), d.quietHours())
                : new Site(id, ZoneId.of("UTC"), "en", DailyWindow.ALWAYS, null);
    }

    public Channel channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public Roster roster(String id) {
        return id == null
                ? null
                : rosters.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** Reads the section; problems go to the document (listed with the rest of the config). */
    public static AlertsSettings from(ConfigNode a) {
        Duration retryFor = a.duration("retry_for", Duration.ofHours(72), Duration.ofHours(72), Duration.ofDays(30));
        Duration first =
                a.duration("first_retry", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(10));
        Duration maxDelay =
                a.duration("max_retry_delay", Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofHours(6));
        Duration group = a.duration("group_window", Duration.ofMinutes(2), Duration.ZERO, Duration.ofMinutes(30));
        Duration groupMaxDelay =
                a.duration("group_max_delay", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(30));
        Duration every =
                a.duration("evaluate_every", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration reload =
                a.duration("rules_reload_every", Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Duration linkValidity =
                a.duration("link_validity", Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofDays(30));
        String console = a.string("console_url", null);
        if (console != null && !console.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            a.problem(
                    "console_url",
                    "expected the console's base URL like https://gateway.store.lan:8086, got \"" + console + "\"");
            console = null;
        }
        String linkSecret = a.secret("link_secret", null);
        if (linkSecret != null && linkSecret.length() < 32) {
            a.problem(
                    "link_secret", "use at least 32 characters (or leave it out: one is generated into the data dir)");
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        a.namedSections("sites").forEach((id, s) -> sites.put(id, site(id, s)));

        List<Channel> channels = new ArrayList<>();
        Set<String> channelIds = new LinkedHashSet<>();
        for (ConfigNode c : a.namedItems("channels", "id")) {
            Channel ch = channel(c);
            if (ch != null) {
                if (!channelIds.add(ch.id())) {
                    c.problem("id", "channel id '" + ch.id() + "' is used twice");
                }
                channels.add(ch);
            }
        }
        List<Roster> rosters = new ArrayList<>();
        Set<String> rosterIds = new LinkedHashSet<>();
        for (ConfigNode r : a.namedItems("rosters", "id")) {
            Roster ro = roster(r, channelIds);
            if (ro != null) {
                if (!rosterIds.add(ro.id())) {
                    r.problem("id", "roster id '" + ro.id() + "' is used twice");
                }
                rosters.add(ro);
            }
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        for (ConfigNode r : a.namedItems("rules", "id")) {
            Rule rule = rule(r, channelIds, rosterIds);
            if (rule != null) {
                if (!ruleIds.add(rule.id())) {
                    r.problem("id", "rule id '" + rule.id() + "' is used twice");
                }
                rules.add(rule);
            }
        }
        if (!rules.isEmpty() && channels.isEmpty()) {
            a.problem("rules", "rules are set but no channels: add at least one entry under alerts.channels");
        }
        boolean builtIn = !channels.isEmpty() && rules.isEmpty();
        if (builtIn) {
            rules.add(attentionRule());
        }
        return new AlertsSettings(
                List.copyOf(channels),
                List.copyOf(rules),
                List.copyOf(rosters),
                Map.copyOf(sites),
                console,
                linkSecret,
                linkValidity,
                group,
                groupMaxDelay,
                retryFor,
                first,
                maxDelay,
                every,
                builtIn,
                reload);
    }

    /**
     * The rules of a rule file for {@code alerts preview}: a mapping with {@code rules:} as in the gateway config
     * (channels and rosters are not checked: the preview only counts firings).
     */
    public static List<Rule> ruleFile(ConfigNode root) {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<ConfigNode> items = root.namedItems("rules", "id");
        if (items.isEmpty()) {
            root.problem(
                    "rules", "required: a list of rules, each {id, kind, ...} as in the gateway config's alerts.rules");
        }
        for (ConfigNode r : items) {
            Rule rule = rule(r, null, null);
            if (rule != null) {
                if (!ids.add(rule.id())) {
                    r.problem("id", "rule id '" + rule.id() + "' is used twice");
                }
                rules.add(rule);
            }
        }
        return rules;
    }

    /** The rules of the config file itself (without the built-in {@code attention} rule). */
    public List<Rule> fileRules() {
        return builtInAttention ? List.of() : rules;
    }

    /** The same settings with other effective rules (console rules added; the built-in rule when there are none). */
    public AlertsSettings withRules(List<Rule> effective) {
        return new AlertsSettings(
                channels,
                List.copyOf(effective),
                rosters,
                sites,
                consoleUrl,
                linkSecret,
                linkValidity,
                groupWindow,
                groupMaxDelay,
                retryFor,
                firstRetry,
                maxRetryDelay,
                evaluateEvery,
                builtInAttention,
                rulesReloadEvery);
    }

    /**
     * One rule made in the console: {@code definition} is a mapping with the fields of an {@code alerts.rules} entry,
     * read by the same strict reader against this config's channels and rosters. Problems name the field
     * ({@code rules[deposit].max_score: ...}).
     */
    public Rule consoleRule(com.fasterxml.jackson.databind.JsonNode definition)
            throws io.vocedge.common.config.ConfigException {
        com.fasterxml.jackson.databind.node.ObjectNode root =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.putArray("rules").add(definition);
        io.vocedge.common.config.ConfigDocument doc = io.vocedge.common.config.ConfigDocument.of(root, "console rule");
        Set<String> channelIds = new LinkedHashSet<>();
        channels.forEach(c -> channelIds.add(c.id()));
        Set<String> rosterIds = new LinkedHashSet<>();
        rosters.forEach(r -> rosterIds.add(r.id()));
        List<ConfigNode> items = doc.root().namedItems("rules", "id");
        Rule rule = items.isEmpty() ? null : rule(items.get(0), channelIds, rosterIds);
        doc.finish();
        if (rule != null && rule.kind() == RuleKind.CERT_EXPIRY) {
            // Its files are paths on the gateway's disk: a console account must not make the gateway open files.
            throw new io.vocedge.common.config.ConfigException(
                    "console rule",
                    List.of("rules[" + rule.id() + "].kind:"
                            + " cert_expiry watches files on the gateway; define it in the gateway config (alerts.rules), not in"
                            + " the console"));
        }
        return rule;
    }

    /** The default rule: a conversation needing attention, every channel, every site, critical. */
    public static Rule attentionRule() {
        return new Rule(
                "attention",
                RuleKind.ATTENTION,
                Severity.CRITICAL,
                Set.of(),
                List.of(),
                null,
                false,
                null,
                Duration.ZERO,
                List.of(),
                0,
                null,
                0,
                0,
                0,
                0,
                Duration.ZERO,
                List.of());
    }

    private static Site site(String id, ConfigNode s) {
        String zoneText = s.string("time_zone", "UTC");
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            s.problem(
                    "time_zone",
                    "expected an IANA time zone like Asia/Shanghai or Europe/Berlin, got \"" + zoneText + "\"");
        }
        String lang = s.oneOf("language", "en", MessageText.LANGUAGES.toArray(String[]::new));
        DailyWindow store = window(s, "store_hours", DailyWindow.ALWAYS);
        DailyWindow quiet = window(s, "quiet_hours", null);
        return new Site(id, zone, lang, store, quiet);
    }

    static DailyWindow window(ConfigNode n, String key, DailyWindow fallback) {
        String text = n.string(key, null);
        if (text == null) {
            return fallback;
        }
        DailyWindow w = DailyWindow.parse(text);
        if (w == null) {
            n.problem(
                    key,
                    "expected HH:MM-HH:MM in the site's time zone (e.g. 09:00-21:00, 22:00-07:00), got \"" + text
                            + "\"");
            return fallback;
        }
        return w;
    }

    private static String id(ConfigNode n, String what) {
        String id = n.requiredString("id", "a short name for this " + what + " (letters, digits, . _ : -)");
        if (id != null && !ID.matcher(id).matches()) {
            n.problem("id", "expected 1-64 letters, digits, '.', '_', ':' or '-', got \"" + id + "\"");
            return null;
        }
        return id;
    }

    private static Channel channel(ConfigNode c) {
        String id = id(c, "channel");
        ChannelKind kind = c.has("kind") ? c.enumValue("kind", ChannelKind.class, null) : null;
        if (!c.has("kind")) {
            c.problem("kind", "required: one of webhook, wecom, dingtalk, slack, smtp");
        }
        Duration timeout = c.duration("timeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(2));
        if (kind == null) {
            c.raw("url");
            c.raw("secret");
            c.raw("to");
            c.raw("from");
            c.raw("user");
            c.raw("password");
            c.raw("starttls");
            return null;
        }
        String urlText = c.requiredString(
                "url",
                kind == ChannelKind.SMTP ? "smtp://host:587 or smtps://host:465" : "the receiver's https:// URL");
        URI url = null;
        if (urlText != null) {
            try {
                url = URI.create(urlText.trim());
            } catch (IllegalArgumentException e) {
                c.problem("url", "not a valid URL: " + e.getMessage());
            }
        }
        String secret = null;
        List<String> to = List.of();
        String from = null;
        String user = null;
        String password = null;
        boolean starttls = false;
        switch (kind) {
            case WEBHOOK -> {
                secret = c.secret("secret", null);
                if (secret == null) {
                    c.problem(
                            "secret",
                            "required for a webhook: the signing secret shared with the receiver (whsec_... "
                                    + "base64, or at least 24 characters)");
                } else if (WebhookSigner.key(secret) == null) {
                    c.problem(
                            "secret",
                            "too short or not valid whsec_ base64: use whsec_<base64 of >= 24 random bytes> "
                                    + "or at least 24 characters (value not shown)");
                }
            }
            case DINGTALK -> {
                secret = c.secret("secret", null);
                if (secret != null && !secret.startsWith("SEC")) {
                    c.problem(
                            "secret",
                            "a DingTalk signing secret starts with SEC (copy it from the robot's security settings)");
                }
            }
            case SMTP -> {
                to = c.stringList("to", List.of());
                if (to.isEmpty()) {
                    c.problem("to", "required for smtp: the recipients' addresses");
                }
                for (String t : to) {
                    if (!EMAIL.matcher(t).matches()) {
                        c.problem("to", "not an e-mail address: \"" + t + "\"");
                    }
                }
                from = c.requiredString("from", "the sender address, e.g. voc-alerts@dealer.example");
                if (from != null && !EMAIL.matcher(from).matches()) {
                    c.problem("from", "not an e-mail address: \"" + from + "\"");
                }
                user = c.string("user", null);
                password = c.secret("password", null);
                starttls = c.bool(
                        "starttls",
                        url != null && "smtp".equals(url.getScheme()) && !SettingsSupport.loopback(url.getHost()));
            }
            default -> {}
        }
        if (url != null) {
            checkUrl(c, kind, url, starttls);
        }
        return id == null ? null : new Channel(id, kind, url, secret, to, from, user, password, starttls, timeout);
    }

    private static void checkUrl(ConfigNode c, ChannelKind kind, URI url, boolean starttls) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            c.problem("url", "has no host: \"" + url + "\"");
            return;
        }
        if (kind == ChannelKind.SMTP) {
            if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
                c.problem("url", "expected smtp://host:port (STARTTLS) or smtps://host:port, got \"" + url + "\"");
            } else if (scheme.equals("smtp") && !starttls && !SettingsSupport.loopback(url.getHost())) {
                c.problem(
                        "starttls",
                        "plain SMTP to " + url.getHost() + " would send alerts unencrypted: use smtps:// "
                                + "or starttls: true (plain SMTP is accepted only to a loopback relay)");
            }
            return;
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            c.problem("url", "expected an https:// URL, got \"" + url + "\"");
        } else if (scheme.equals("http") && !SettingsSupport.loopback(url.getHost())) {
            c.problem(
                    "url",
                    "plain http:// to " + url.getHost() + " would expose alerts and tokens: use https:// "
                            + "(http:// is accepted only to a loopback receiver)");
        }
        if (kind == ChannelKind.WECOM
                && (url.getQuery() == null || !url.getQuery().contains("key="))) {
            c.problem("url", "a WeCom group-robot URL carries ?key=... (copy the robot's webhook address)");
        }
        if (kind == ChannelKind.DINGTALK
                && (url.getQuery() == null || !url.getQuery().contains("access_token="))) {
            c.problem("url", "a DingTalk robot URL carries ?access_token=... (copy the robot's webhook address)");
        }
    }

    private static Roster roster(ConfigNode r, Set<String> channelIds) {
        String id = id(r, "roster");
        Set<String> sites = Set.copyOf(r.stringList("sites", List.of()));
        Duration ack = r.duration("ack_within", Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(1));
        List<Person> chain = new ArrayList<>();
        for (ConfigNode p : r.namedItems("chain", "name")) {
            String name = p.requiredString("name", "the person's name as shown in cases");
            List<String> chs = p.stringList("channels", List.of());
            if (chs.isEmpty()) {
                p.problem("channels", "required: the channel ids that reach this person");
            }
            for (String ch : chs) {
                if (!channelIds.contains(ch)) {
                    p.problem(
                            "channels",
                            "no channel with id '" + ch + "' (known: " + String.join(", ", channelIds) + ")");
                }
            }
            DailyWindow hours = window(p, "hours", DailyWindow.ALWAYS);
            if (name != null) {
                chain.add(new Person(name, chs, hours));
            }
        }
        if (chain.isEmpty()) {
            r.problem("chain", "required: the people on duty in escalation order, each {name, channels, hours}");
        }
        return id == null ? null : new Roster(id, sites, ack, List.copyOf(chain));
    }

    private static Rule rule(ConfigNode r, Set<String> channelIds, Set<String> rosterIds) {
        String id = id(r, "rule");
        RuleKind kind = r.enumValue("kind", RuleKind.class, null);
        if (!r.has("kind")) {
            r.problem(
                    "kind",
                    "required: one of attention, negative_utterance, staff_profanity, compliance_rate, "
                            + "topic_spike, device_offline, outbox_stale, cert_expiry");
        }
        Severity severity = r.enumValue("severity", Severity.class, Severity.WARNING);
        Set<String> sites = Set.copyOf(r.stringList("sites", List.of()));
        List<String> channels = r.stringList("channels", List.of());
        for (String ch : channels) {
            if (channelIds != null && !channelIds.contains(ch)) {
                r.problem("channels", "no channel with id '" + ch + "' (known: " + String.join(", ", channelIds) + ")");
            }
        }
        String roster = r.string("roster", null);
        if (roster != null && rosterIds != null && !rosterIds.contains(roster)) {
            r.problem(
                    "roster",
                    "no roster with id '" + roster + "'"
                            + (rosterIds.isEmpty()
                                    ? " (alerts.rosters is empty)"
                                    : " (known: " + String.join(", ", rosterIds) + ")"));
        }
        boolean storeHoursOnly = r.bool("store_hours_only", kind == RuleKind.DEVICE_OFFLINE);
        DailyWindow quiet = window(r, "quiet_hours", null);
        if (kind == null) {
            return null;
        }
        List<String> topics = List.of();
        double maxScore = 0;
        String measure = null;
        double threshold = 0;
        int lastN = 0;
        int minCount = 0;
        double factor = 0;
        Duration after = Duration.ZERO;
        List<Path> files = List.of();
        Duration defaultCooldown = Duration.ZERO;
        switch (kind) {
            case NEGATIVE_UTTERANCE -> {
                topics = r.stringList("topics", List.of());
                if (topics.isEmpty()) {
                    r.problem("topics", "required: the topic ids to watch, e.g. [deposit_contract, delivery]");
                }
                maxScore = r.decimal("max_score", -0.5, -1, 0);
            }
            case COMPLIANCE_RATE -> {
                measure = r.oneOf("measure", null, "greeting", "thanks");
                if (measure == null && !r.has("measure")) {
                    r.problem("measure", "required: greeting or thanks");
                }
                threshold = r.decimal("threshold", 0.8, 0, 1);
                lastN = r.integer("last_n", 20, 3, 1000);
                defaultCooldown = Duration.ofHours(4);
            }
            case TOPIC_SPIKE -> {
                topics = r.stringList("topics", List.of());
                if (topics.isEmpty()) {
                    r.problem("topics", "required: the topic ids to watch for spikes");
                }
                minCount = r.integer("min_count", 5, 1, 100_000);
                factor = r.decimal("factor", 3, 1, 1000);
                defaultCooldown = Duration.ofHours(1);
            }
            case DEVICE_OFFLINE -> {
                after = r.duration("after", Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(7));
                defaultCooldown = Duration.ofHours(24);
            }
            case OUTBOX_STALE -> {
                after = r.duration("older_than", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(30));
                defaultCooldown = Duration.ofHours(6);
            }
            case CERT_EXPIRY -> {
                after = r.duration("within", Duration.ofDays(14), Duration.ofHours(1), Duration.ofDays(365));
                List<String> f = r.stringList("files", List.of());
                if (f.isEmpty()) {
                    r.problem(
                            "files",
                            "required: the PEM certificate or CRL files to watch (fleet CA, gateway cert, CRL)");
                }
                files = f.stream().map(Path::of).toList();
                defaultCooldown = Duration.ofHours(24);
            }
            default -> {}
        }
        Duration cooldown = r.duration("cooldown", defaultCooldown, Duration.ZERO, Duration.ofDays(30));
        return id == null
                ? null
                : new Rule(
                        id,
                        kind,
                        severity,
                        sites,
                        List.copyOf(channels),
                        roster,
                        storeHoursOnly,
                        quiet,
                        cooldown,
                        List.copyOf(topics),
                        maxScore,
                        measure,
                        threshold,
                        lastN,
                        minCount,
                        factor,
                        after,
                        files);
    }

    /** For {@code config check}: the section as read, secrets masked. */
    public Map<String, Object> effective(String masked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("console_url", consoleUrl);
        m.put("link_secret", linkSecret == null ? null : masked);
        m.put("group_window", io.vocedge.common.config.ConfigNode.format(groupWindow));
        m.put("group_max_delay", io.vocedge.common.config.ConfigNode.format(groupMaxDelay));
        m.put("retry_for", io.vocedge.common.config.ConfigNode.format(retryFor));
        List<Map<String, Object>> chs = new ArrayList<>();
        for (Channel c : channels) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            cm.put(
                    "url",
                    c.url() == null
                            ? null
                            : c.url().getScheme() + "://" + c.url().getAuthority()
                                    + c.url().getPath());
            cm.put("secret", c.secret() == null ? null : masked);
            chs.add(cm);
        }
        m.put("channels", chs);
        m.put(
                "rules",
                rules.stream()
                        .map(r -> Map.of(
                                "id",
                                r.id(),
                                "kind",
                                r.kind().wire(),
                                "severity",
                                r.severity().name().toLowerCase(Locale.ROOT)))
                        .toList());
        m.put("rosters", rosters.stream().map(Roster::id).toList());
        m.put("built_in_attention", builtInAttention);
        return m;
    }
}
