package io.vocedge.gateway.cli;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.config.GatewayConfig;
import io.vocedge.gateway.model.ModelChunkServer;
import io.vocedge.gateway.model.ModelPublications;
import io.vocedge.gateway.store.JdbcVocStore;
import io.vocedge.protocol.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code model publish|status}: distribute an insight model to the devices (the file's bytes, never a path) and see
 * who runs what. The running gateway keeps the manifest retained on each device's {@code down/model} and serves the
 * chunks the device asks for.
 */
@Command(
        name = "model",
        description = "Distribute insight models to the devices and show which version each runs.",
        subcommands = {ModelCommand.Publish.class, ModelCommand.Status.class})
final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: publish or status");
    }

    /** A store the upgraded gateway has not started on yet has no V85 table: say so, not the driver's words. */
    static Exception notMigrated(java.sql.SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("model_publications")) {
            return new IllegalStateException("the store has no model_publications table yet (migration V85): start "
                    + "this version of the gateway once so it migrates the store, then run the command again");
        }
        return e;
    }

    @Command(
            name = "publish",
            description = {
                "Check an insight model file (.vocim: header, format, its own SHA-256, version) and publish it: the running "
                        + "gateway keeps its manifest retained for every device of the site (or all sites) within a few "
                        + "seconds; devices download it in 128 KiB chunks, check every chunk and the whole file, install "
                        + "it atomically and report model_version in their status.",
                "Publishing the version that is already the newest for the same scope is refused."
            })
    static final class Publish implements Callable<Integer> {
        @CommandLine.Mixin
        LexiconCommand.Store store; // --config / --data-dir, as every store command

        @Option(
                names = "--file",
                required = true,
                paramLabel = "FILE",
                description = "insight model file (.vocim, at most 8 MiB), e.g. from 'voc-device insights train'")
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
            byte[] bytes = read(file);
            GatewayConfig cfg = GatewayConfig.resolve(store.config, store.dataDir);
            ModelPublications.Publication p;
            // Writable, never created or migrated here: the running gateway owns the schema.
            try (JdbcVocStore s = JdbcVocStore.openExistingForWrite(cfg.store(), cfg.gatewayId())) {
                p = new ModelPublications(s.dataSource(), s.dialect())
                        .publish(
                                bytes,
                                file.toString(),
                                site == null ? ModelPublications.ALL_SITES : site,
                                System.getProperty("user.name", "operator"));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage().replace("\n", " "));
            } catch (java.sql.SQLException e) {
                throw notMigrated(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("model " + p.version() + " published for " + (site == null ? "every site" : "site " + site)
                    + " (" + p.sizeBytes() + " bytes, " + p.chunks() + " chunks of " + Limits.MODEL_CHUNK_BYTES
                    + " bytes, sha256 " + p.sha256() + "); the gateway sends its manifest to the devices within 5 s "
                    + "and serves each device at most " + ModelChunkServer.CHUNKS_PER_SECOND + " chunks/s "
                    + "- check with 'voc-gateway model status'");
            out.flush();
            return 0;
        }

        private static byte[] read(Path file) {
            try {
                if (Files.isDirectory(file)) {
                    throw new BadInputException(
                            "--file " + file + " is a directory: name the model file (.vocim) itself");
                }
                if (Files.exists(file) && !Files.isRegularFile(file)) {
                    // A device or pipe (/dev/zero) reports size 0 and never ends: never read it.
                    throw new BadInputException(
                            "--file " + file + " is not a regular file: name the model file " + "(.vocim) itself");
                }
                long size = Files.size(file);
                if (size > Limits.MAX_MODEL_BYTES) {
                    throw new BadInputException(
                            "--file " + file + " is " + size + " bytes; a model file may have at most "
                                    + Limits.MAX_MODEL_BYTES + " (is it really a .vocim model?)");
                }
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new BadInputException("--file " + file + " does not exist: give the path of a .vocim model, e.g. "
                        + "one made with 'voc-device insights train --corpus DIR --out FILE'");
            } catch (IOException e) {
                throw new BadInputException("--file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + "): check it exists and is readable by this user");
            }
        }
    }

    @Command(name = "status", description = "The published model per scope, and the version each device reports.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        LexiconCommand.Store store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GatewayConfig cfg = GatewayConfig.resolve(store.config, store.dataDir);
            PrintWriter out = spec.commandLine().getOut();
            try (JdbcVocStore s = JdbcVocStore.openExisting(cfg.store(), cfg.gatewayId())) {
                var pubs = new ModelPublications(s.dataSource(), s.dialect());
                List<ModelPublications.Publication> latest;
                try {
                    latest = pubs.latest();
                } catch (java.sql.SQLException e) {
                    throw notMigrated(e);
                }
                if (latest.isEmpty()) {
                    out.println("no model published: devices run their configured or built-in one");
                }
                for (var p : latest) {
                    out.printf(
                            Locale.ROOT,
                            "published  %-12s %-20s %9d bytes %3d chunks  sha256 %s  %s%n",
                            p.site(),
                            p.version(),
                            p.sizeBytes(),
                            p.chunks(),
                            p.sha256().substring(0, 16),
                            p.publishedAt());
                }
                DistributionStatusTable.print(
                        out,
                        pubs.reported(),
                        site -> ModelPublications.desiredFor(site, latest)
                                .map(ModelPublications.Publication::version)
                                .orElse("-"));
            }
            out.flush();
            return 0;
        }
    }
}
