package io.vocedge.device.cli;

import io.vocedge.device.insights.BundledModel;
import io.vocedge.device.insights.InsightEngine;
import io.vocedge.device.insights.Lexicon;
import io.vocedge.device.insights.PiiTagger;
import io.vocedge.device.insights.PiiTaggerTraining;
import io.vocedge.device.insights.RedactionScore;
import io.vocedge.device.insights.Redactor;
import io.vocedge.device.insights.model.AuthorGroups;
import io.vocedge.device.insights.model.Corrections;
import io.vocedge.device.insights.model.Example;
import io.vocedge.device.insights.model.InsightModel;
import io.vocedge.device.insights.model.LabelledCorpus;
import io.vocedge.device.insights.model.Metrics;
import io.vocedge.device.insights.model.ModelTraining;
import io.vocedge.protocol.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code insights train|cv|evaluate|redaction-eval}: the learned model's tools. Evaluation prints aggregate figures
 * only, never an utterance, so it can be run on a blind test set without showing its lines.
 */
@Command(
        name = "insights",
        mixinStandardHelpOptions = true,
        description = "Train and evaluate the insight model.",
        subcommands = {
            InsightsCommand.Train.class,
            InsightsCommand.CrossValidate.class,
            InsightsCommand.Evaluate.class,
            InsightsCommand.RedactionEval.class,
            InsightsCommand.RedactionTrain.class
        })
final class InsightsCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException(
                "name a subcommand: train, cv, evaluate, redaction-eval or redaction-train (see --help)");
    }

    /** A model or tagger file written whole or not at all: a reader never sees half a file. */
    private static void writeAtomically(Path out, byte[] bytes) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Corpus and corrections options shared by train and cv. */
    static class Data {
        @Option(names = "--corpus", required = true, description = "directory of labelled TSV files (or one file)")
        Path corpus;

        @Option(
                names = "--corrections",
                description = "analysts' corrections (JSONL, see device/README.md); repeatable")
        List<Path> corrections = new ArrayList<>();

        @Option(
                names = "--lexicon",
                description = "lexicon YAML whose rules feed the model (default: the built-in one)")
        Path lexicon;

        /** The corpus as read once: its examples, files and authors are all asked for (train reads the files too). */
        private LabelledCorpus read;

        Lexicon lexicon() throws IOException {
            return lexicon == null ? Lexicon.loadDefault() : Lexicon.load(lexicon);
        }

        private LabelledCorpus corpus() throws IOException {
            if (read == null) {
                read = LabelledCorpus.read(corpus);
            }
            return read;
        }

        List<Example> examples() throws IOException {
            List<Example> ex = corpus().examples();
            List<Corrections.Correction> all = new ArrayList<>();
            for (Path c : corrections) {
                all.addAll(Corrections.read(c));
            }
            return Corrections.apply(ex, all);
        }

        /**
         * The author group of each example, from its corpus file's name ({@link AuthorGroups}); analysts' corrections
         * form a group of their own.
         */
        List<String> authorGroups(List<Example> examples) throws IOException {
            return AuthorGroups.of(examples, corpus().fileOfId());
        }

        /** What was read, byte for byte: file names (not paths) and contents, corpus files in name order. */
        byte[] identity() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Path f : corpus().files()) {
                out.write(("corpus:" + f.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
                out.write(Files.readAllBytes(f));
            }
            for (Path c : corrections) {
                out.write(("corrections:" + c.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
                out.write(Files.readAllBytes(c));
            }
            return out.toByteArray();
        }
    }

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description = "Train the model from a labelled corpus (and corrections); same input, byte-identical file.")
    static final class Train extends Data implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "model file to write (e.g. model-default.vocim)")
        Path out;

        @Option(
                names = "--version-label",
                defaultValue = "1",
                description = "version prefix; the corpus digest follows it")
        String label;

        @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds for calibration")
        int folds;

        @Option(
                names = "--calibration-folds",
                defaultValue = "auto",
                description = "author: each fold holds whole authors (from the file names), so thresholds are fitted"
                        + " on authors the fold's model never saw; random; auto (default): author when the corpus has"
                        + " at least --folds authors, else random (a small corpus of one or two writers)")
        String calibrationFolds;

        @Override
        public Integer call() throws Exception {
            if (!label.matches("[0-9A-Za-z.]{1,40}")) {
                throw new IllegalArgumentException("--version-label " + label + ": use 1-40 letters, digits or dots");
            }
            if (folds < 2 || folds > 20) {
                throw new IllegalArgumentException("--folds " + folds + ": use 2 to 20");
            }
            Lexicon lex = lexicon();
            InsightEngine rules = new InsightEngine(new Redactor(), lex);
            List<Example> examples = examples();
            List<String> groups = switch (calibrationFolds) {
                case "author" -> authorGroups(examples);
                case "random" -> null;
                case "auto" -> {
                    List<String> byAuthor = authorGroups(examples);
                    yield new java.util.HashSet<>(byAuthor).size() >= folds ? byAuthor : null;
                }
                default ->
                    throw new IllegalArgumentException(
                            "--calibration-folds " + calibrationFolds + ": use auto, author or random");
            };
            String sha = ModelTraining.digest(identity(), lex.version(), groups != null);
            ModelTraining.Trained t =
                    ModelTraining.train(examples, rules::prepare, sha, lex.version(), label, folds, groups);
            writeAtomically(out, t.bytes());
            InsightModel.ModelInfo info = t.model().info();
            System.out.printf(
                    Locale.ROOT,
                    "model %s: %d bytes, %d feature rows, corpus sha256 %s, lexicon %s%n",
                    info.version(),
                    t.bytes().length,
                    info.rows(),
                    info.corpusSha256(),
                    info.lexiconVersion());
            System.out.println(info.trainingSummary());
            System.out.print(t.crossValidated()
                    .report(folds + "-fold cross-validation (out-of-fold, nested calibration)", false));
            return 0;
        }
    }

    @Command(
            name = "cv",
            mixinStandardHelpOptions = true,
            description = "k-fold cross-validation on the corpus: figures and reliability tables (calibration).")
    static final class CrossValidate extends Data implements Callable<Integer> {
        @Option(names = "--folds", defaultValue = "5")
        int folds;

        @Option(
                names = "--errors",
                description =
                        "write the training utterances the out-of-fold model got wrong to this file "
                                + "(id, gold -> predicted topics and sentiment, text); for the training corpus, never a test set")
        Path errors;

        @Option(
                names = "--group-by",
                defaultValue = "none",
                description = "none (random k folds) or author: leave one author out, each author (from the file"
                        + " name, see corpus/train/README.md) one fold; mimics an author the model never saw")
        String groupBy;

        @Override
        public Integer call() throws Exception {
            InsightEngine rules = new InsightEngine(new Redactor(), lexicon());
            List<Example> examples = examples();
            Metrics m;
            String title;
            if (groupBy.equals("author")) {
                List<String> groups = authorGroups(examples);
                m = ModelTraining.crossValidateGrouped(examples, rules::prepare, groups, errors != null);
                title = "leave-one-author-out cross-validation (" + m.byGroup.size()
                        + " authors, out-of-group, nested calibration)";
            } else if (groupBy.equals("none")) {
                m = ModelTraining.crossValidate(examples, rules::prepare, folds, errors != null);
                title = folds + "-fold cross-validation (out-of-fold, nested calibration)";
            } else {
                throw new IllegalArgumentException("--group-by " + groupBy + ": use none or author");
            }
            System.out.print(m.report(title, true));
            if (errors != null) {
                Files.write(errors, m.errors, StandardCharsets.UTF_8);
            }
            return 0;
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = "Aggregate figures of the engine on a labelled set (never prints its lines).")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "labelled TSV file or directory")
        Path data;

        @Option(names = "--model", description = "model file (default: the built-in one)")
        Path model;

        @Option(names = "--lexicon", description = "lexicon YAML (default: the built-in one)")
        Path lexicon;

        @Option(names = "--rules-only", description = "the lexicon rules without the model (the old engine)")
        boolean rulesOnly;

        @Option(names = "--no-role", description = "do not tell the engine who speaks")
        boolean noRole;

        @Override
        public Integer call() throws Exception {
            Lexicon lex = lexicon == null ? Lexicon.loadDefault() : Lexicon.load(lexicon);
            InsightModel m = rulesOnly ? null : model == null ? BundledModel.load() : BundledModel.load(model);
            InsightEngine engine = new InsightEngine(new Redactor(), lex, m);
            List<Example> examples = LabelledCorpus.read(data).examples();
            Metrics metrics = new Metrics(Taxonomy.TOPICS, Taxonomy.FLAGS);
            for (Example e : examples) {
                String role = noRole || e.role().equals("-") ? null : e.role();
                InsightEngine.Analysis a = engine.analyze(e.text(), e.lang(), role);
                Set<String> topics = new HashSet<>(a.topicIds());
                Set<String> flags = new HashSet<>(a.flags());
                flags.retainAll(Taxonomy.FLAGS);
                double conf =
                        a.sentiment().confidence() == null ? 1 : a.sentiment().confidence();
                metrics.add(e, a.sentiment().label().wireName(), conf, topics, null, flags, null);
            }
            String what = rulesOnly ? "lexicon rules only" : "model " + m.version();
            System.out.print(metrics.report(
                    "evaluation of " + what + " on " + data.getFileName() + (noRole ? " (role not given)" : ""),
                    false));
            return 0;
        }
    }

    @Command(
            name = "redaction-eval",
            mixinStandardHelpOptions = true,
            description =
                    "Redaction recall and kept rate on a case file (id lang kind text must_remove must_keep); aggregates only.")
    static final class RedactionEval implements Callable<Integer> {
        @Option(names = "--cases", required = true, description = "TSV of redaction cases")
        Path cases;

        @Option(names = "--rules-only", description = "the rules without the learned tagger (what the tagger adds)")
        boolean rulesOnly;

        @Override
        public Integer call() throws Exception {
            Redactor redactor = rulesOnly ? new Redactor(PiiTagger.none()) : new Redactor();
            RedactionScore.Figures f = RedactionScore.score(redactor, RedactionScore.read(cases));
            System.out.print(f.describe());
            return 0;
        }
    }

    @Command(
            name = "redaction-train",
            mixinStandardHelpOptions = true,
            description = "Train the learned PII tagger from a directory's dev case files (pii-*dev.tsv,"
                    + " pii-*rules.tsv); same input, same bytes. --cv prints leave-one-file-out figures (aggregates"
                    + " only).")
    static final class RedactionTrain implements Callable<Integer> {
        @Option(
                names = "--cases",
                required = true,
                description = "directory holding pii-*dev.tsv and pii-*rules.tsv case files")
        Path cases;

        @Option(names = "--out", description = "tagger file to write (e.g. pii-tagger.bin)")
        Path out;

        @Option(names = "--cv", description = "leave-one-file-out cross-validation at several thresholds")
        boolean cv;

        @Override
        public Integer call() throws Exception {
            if (out == null && !cv) {
                throw new IllegalArgumentException("name --out FILE to write a tagger, --cv to validate, or both");
            }
            var files = PiiTaggerTraining.devFiles(cases);
            PiiTaggerTraining.Params params = PiiTaggerTraining.Params.DEFAULT;
            if (cv) {
                float[] thresholds = {0.8f, 0.9f, params.threshold(), 0.99f};
                System.out.println("leave-one-file-out over " + files.size() + " files:");
                for (var fold : PiiTaggerTraining.crossValidate(files, params, thresholds)) {
                    System.out.println("  " + fold.describe());
                }
            }
            if (out != null) {
                PiiTagger tagger = PiiTaggerTraining.train(files, params);
                byte[] bytes = tagger.toBytes();
                writeAtomically(out, bytes);
                System.out.printf(
                        Locale.ROOT,
                        "tagger %s: %d bytes from %d files, threshold %.2f%n",
                        tagger.version(),
                        bytes.length,
                        files.size(),
                        tagger.threshold());
            }
            return 0;
        }
    }
}
