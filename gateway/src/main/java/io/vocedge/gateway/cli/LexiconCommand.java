package io.vocedge.gateway.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.lexicon.LexiconPublications;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.lexicon.LexiconDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lexicon publish|status}: distribute a lexicon to the devices (its content, never a path) and see who runs what. */
@Command(
        name = "lexicon",
        description = "Distribute lexicons to the devices and show which version each runs.",
        subcommands = {LexiconCommand.Publish.class, LexiconCommand.Status.class})
final class LexiconCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: publish or status");
    }

    static class Store {
        @Option(names = "--config", paramLabel = "FILE", description = "gateway YAML (default: embedded defaults)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "gateway data dir (default data/gateway)")
        Path dataDir;
    }

    @Command(
            name = "publish",
            description = {
                "Validate a lexicon YAML with the device's own rules and publish it: the running "
                        + "gateway keeps it retained for every device of the site (or all sites) within a few seconds; devices check size "
                        + "and sha256, apply it atomically and report lexicon_version in their status.",
                "The version must be newer than the one published for the same scope. Errors name the field, never the content."
            })
    static final class Publish implements Callable<Integer> {
        @CommandLine.Mixin
        Store store;

        @Parameters(paramLabel = "FILE", description = "lexicon YAML (at most 128 KiB)")
        Path file;

        @Option(
                names = "--site",
                paramLabel = "SITE",
                description = "only the devices of this site (default: every site)")
        String site;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            byte[] yaml;
            try {
                yaml = LexiconDocument.readFile(file);
            } catch (IOException e) {
                throw new BadInputException(e.getMessage());
            }
            GatewayConfig cfg = GatewayConfig.resolve(store.config, store.dataDir);
            LexiconPublications.Publication p;
            // Writable (a SQLite store opened read-only refuses the insert), never created or migrated here.
            try (JdbcVocStore s = JdbcVocStore.openExistingForWrite(cfg.store(), cfg.gatewayId())) {
                p = new LexiconPublications(s.dataSource(), s.dialect())
                        .publish(
                                yaml,
                                file.toString(),
                                site == null ? LexiconPublications.ALL_SITES : site,
                                System.getProperty("user.name", "operator"));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage().replace("\n", " "));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    "lexicon " + p.version() + " published for " + (site == null ? "every site" : "site " + site) + " ("
                            + p.sizeBytes() + " bytes, sha256 " + p.sha256()
                            + "); the gateway sends it to the devices within 5 s "
                            + "- check with 'voc-gateway lexicon status'");
            out.flush();
            return 0;
        }
    }

    @Command(name = "status", description = "The published lexicon per scope, and the version each device reports.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        Store store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GatewayConfig cfg = GatewayConfig.resolve(store.config, store.dataDir);
            PrintWriter out = spec.commandLine().getOut();
            try (JdbcVocStore s = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                var pubs = new LexiconPublications(s.dataSource(), s.dialect());
                List<LexiconPublications.Publication> latest = pubs.latest();
                if (latest.isEmpty()) {
                    out.println("no lexicon published: devices run their configured or built-in one");
                }
                for (var p : latest) {
                    out.printf(
                            Locale.ROOT,
                            "published  %-12s %-14s sha256 %s  %s%n",
                            p.site().equals(LexiconPublications.ALL_SITES) ? "*" : p.site(),
                            p.version(),
                            p.sha256().substring(0, 16),
                            p.publishedAt());
                }
                DistributionStatusTable.print(
                        out,
                        pubs.reported(),
                        site -> LexiconPublications.desiredFor(site, latest)
                                .map(LexiconPublications.Publication::version)
                                .orElse("-"));
            }
            out.flush();
            return 0;
        }
    }
}
