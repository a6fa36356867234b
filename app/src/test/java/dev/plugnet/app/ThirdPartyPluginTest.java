package dev.plugnet.app;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.gradcheck.GradientCheck;
import dev.plugnet.core.gradcheck.ParameterCheck;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.train.TrainingStep;
import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outsider's plugin of {@code examples/third-party-layer}, built from its real sources against the api jar
 * alone, dropped into a plugin folder beside a broken jar, and used through the app.
 *
 * <p>{@link #everyCommandUsesThePluginsFromTheFolder} runs the real commands with {@code --plugins};
 * {@link #trainsANetworkThatUsesBothPlugins} also drives the training step directly, to check the layers learn.
 */
class ThirdPartyPluginTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("plugnet.examples", "../examples"),
            "third-party-layer");

    @TempDir
    static Path work;

    static Path folder;
    static Path jar;

    @BeforeAll
    static void buildTheExampleAndDropItIntoAFolder() throws Exception {
        Path api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        folder = Files.createDirectories(work.resolve("plugins"));
        jar = PluginJarBuilder.create()
                .sourceTree(EXAMPLE.resolve("src/main/java"))
                .resourceTree(EXAMPLE.resolve("src/main/resources"))
                .modulePath(api)
                .moduleVersion("1.0.0")
                .build(folder.resolve("third-party-layers-1.0.0.jar"));
        Files.writeString(folder.resolve("broken.jar"), "this is not a jar");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void pluginsListsBothLayersWithModuleVersionJarAndOptionsAndWarnsAboutTheBrokenJar() throws Exception {
        Run r = run("--plugins", folder.toString(), "plugins", "--options");
        assertEquals(0, r.code(), r.err());
        String jarPath = jar.toRealPath().toString();
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("layer ") && l.contains("layer_norm")
                && l.contains("com.example.plugnet.layers") && l.contains("1.0.0") && l.contains(jarPath)), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("layer ") && l.contains("dropout")
                && l.contains(jarPath)), r.out());
        assertTrue(r.out().contains("- rate (number, default 0.5): a number >= 0 — the probability of dropping"),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("dense") && l.contains("built in")), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("plugnet: warning: plugin " + folder.resolve("broken.jar").toRealPath()
                + " skipped: not a valid module"), r.err());
    }

    @Test
    void thePluginsOptionWorksAfterTheSubcommandTooAndTheSchemaNamesThePlugins() {
        Run r = run("plugins", "--plugins", folder.toString(), "--schema");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"layer.layer_norm\"") && r.out().contains("\"layer.dropout\""), r.out());
        assertTrue(r.out().contains("\"const\" : \"dropout\""), r.out());
    }

    @Test
    void aMissingPluginsFolderIsBadInput() {
        Run r = run("--plugins", work.resolve("nowhere").toString(), "plugins");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--plugins: no such folder or jar"), r.err());
    }

    @Test
    void aPluginsFolderNamedLikeACommandIsAFolder() {
        Run r = run("--plugins", "plugins", "plugins");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--plugins: no such folder or jar"), "plugins is the folder's name here: "
                + r.err());
    }

    @Test
    void theEnvironmentVariableAndTheDefaultFolderAreSearchedToo() throws Exception {
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        Path defaultFolder = Files.createDirectories(cwd.resolve("plugins"));
        Files.copy(jar, defaultFolder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        PlugnetCommand command = new PlugnetCommand(name -> null, cwd);
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.parseArgs("plugins");
        assertEquals(java.util.List.of(defaultFolder.toAbsolutePath().normalize()), command.pluginSources());
        assertTrue(command.plugnet().registry().find(PluginKind.LAYER, "layer_norm").isPresent());

        Path other = Files.createDirectories(work.resolve("env-folder"));
        PlugnetCommand fromEnv = new PlugnetCommand(
                name -> name.equals(PlugnetCommand.PLUGINS_ENV) ? other + java.io.File.pathSeparator + "missing" : null,
                work.resolve("empty-cwd"));
        new CommandLine(fromEnv).parseArgs("plugins");
        assertEquals(java.util.List.of(other.toAbsolutePath().normalize(),
                work.resolve("empty-cwd").resolve("missing").toAbsolutePath().normalize()), fromEnv.pluginSources());
    }

    /** @return the app's plugnet for {@code --plugins folder}, exactly as every command gets it */
    private static Plugnet appPlugnet(StringWriter err) {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        cli.parseArgs("--plugins", folder.toString(), "plugins");
        return ((PlugnetCommand) cli.getCommand()).plugnet();
    }

    private static final String MODEL = "{\"name\": \"normed\", \"inputs\": 4, \"seed\": 7, \"layers\": ["
            + "{\"type\": \"dense\", \"units\": 8},"
            + "{\"type\": \"layer_norm\", \"activation\": \"tanh\"},"
            + "{\"type\": \"dropout\", \"rate\": 0.1},"
            + "{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\"}],"
            + " \"loss\": \"cross_entropy\", \"optimizer\": {\"type\": \"adam\", \"learning_rate\": 0.02}}";

    /** Three well-separated blobs in 4 dimensions; targets one-hot. */
    private static Matrix[] blobs(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(rows, 4);
        Matrix t = Matrix.zeros(rows, 3);
        for (int r = 0; r < rows; r++) {
            int k = r % 3;
            for (int j = 0; j < 4; j++) {
                x.set(r, j, (j == k ? 2.0 : 0.0) + 0.5 * random.nextGaussian());
            }
            t.set(r, k, 1.0);
        }
        return new Matrix[] {x, t};
    }

    @Test
    void trainsANetworkThatUsesBothPlugins() {
        StringWriter err = new StringWriter();
        Plugnet plugnet = appPlugnet(err);
        assertTrue(err.toString().contains("broken.jar skipped"), err.toString());
        InstalledPlugin norm = plugnet.registry().find(PluginKind.LAYER, "layer_norm").orElseThrow();
        assertTrue(norm.provider().getClass().getModule().getLayer() != ModuleLayer.boot());

        AssembledModel model = plugnet.assemble(plugnet.reader().read(MODEL));
        assertTrue(model.summary().contains("layers[1]: layer_norm 8→8, 16 parameters"), model.summary());
        Matrix[] train = blobs(96, 1);
        TrainingStep step = new TrainingStep(model);
        double first = 0;
        double last = 0;
        for (int epoch = 0; epoch < 60; epoch++) {
            double loss = step.run(train[0], train[1]);
            if (epoch == 0) {
                first = loss;
            }
            last = loss;
        }
        assertTrue(last < first / 4, "loss went from " + first + " to " + last);
        Matrix[] test = blobs(60, 2);
        Matrix out = model.network().forward(test[0], false);
        int correct = 0;
        for (int r = 0; r < out.rows(); r++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = out.get(r, k) > out.get(r, best) ? k : best;
            }
            correct += test[1].get(r, best) == 1.0 ? 1 : 0;
        }
        assertTrue(correct >= 55, correct + " of 60 right");
    }

    @Test
    void everyCommandUsesThePluginsFromTheFolder() throws Exception {
        String model = EXAMPLE.resolve("model.json").toString();
        String checkpoint = work.resolve("normed.json").toString();
        Run train = run("--plugins", folder.toString(), "train", "--config", model, "--data", "thyroid",
                "--epochs", "80", "--out", checkpoint);
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("held-out test: accuracy"), train.out());
        String saved = Files.readString(Path.of(checkpoint));
        assertTrue(saved.contains("com.example.plugnet.layers"), "the checkpoint records the plugin's module");

        Run evaluate = run("--plugins", folder.toString(), "evaluate", "--model", checkpoint, "--data", "thyroid");
        assertEquals(0, evaluate.code(), evaluate.err());
        java.util.regex.Matcher accuracy = java.util.regex.Pattern.compile("accuracy (\\d+\\.\\d)%")
                .matcher(evaluate.out());
        assertTrue(accuracy.find(), evaluate.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 90.0, evaluate.out());

        Run predict = run("--plugins", folder.toString(), "predict", "--model", checkpoint, "--data", "thyroid");
        assertEquals(0, predict.code(), predict.err());
        assertEquals(216, predict.out().lines().count(), "a header and one line per row");
        Run explain = run("--plugins", folder.toString(), "explain", "--model", checkpoint, "--rows", "2");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains("layer_norm"), explain.out());
        Run gradcheck = run("--plugins", folder.toString(), "gradcheck", "--config", model);
        assertEquals(0, gradcheck.code(), gradcheck.out() + gradcheck.err());

        Run without = run("evaluate", "--model", checkpoint, "--data", "thyroid");
        assertEquals(2, without.code());
        assertTrue(without.err().contains("layer_norm") && without.err().contains("dropout"), without.err());
    }

    @Test
    void theExamplesOwnModelFileAssemblesWithThePlugins() {
        Plugnet plugnet = appPlugnet(new StringWriter());
        AssembledModel model = plugnet.assemble(EXAMPLE.resolve("model.json"));
        assertEquals("normed-5-8-3", model.spec().name());
        assertEquals(4, model.network().stages().size());
    }

    /** The gradient check that {@code gradcheck} runs, on the network of the example's plugins. */
    @Test
    void theWholeNetworksGradientsMatchCentralFiniteDifferencesAtInference() {
        Plugnet plugnet = appPlugnet(new StringWriter());
        Network network = plugnet.assemble(plugnet.reader().read(MODEL.replace("0.1}", "0.0}"))).network();
        Matrix[] batch = blobs(5, 3);
        for (ParameterCheck check : new GradientCheck(5, 3).run(network, batch[0], batch[1])) {
            assertTrue(check.passed() && check.worstRelativeError() < 1e-5, () -> check.path() + ": worst relative"
                    + " error " + check.worstRelativeError() + " at element " + check.worstElement());
        }
    }

    /**
     * The example's own tests — one testkit check of every kind (LayerCheck, ActivationCheck, LossCheck,
     * OptimizerCheck, ShortcutCheck) and the authors' own cases — compiled from its sources against the api, the
     * testkit and plugnet's softmax, and run with the JUnit platform, as {@code mvn -f
     * examples/third-party-layer/pom.xml verify} runs them.
     */
    @Test
    void theExamplesOwnTestsRunEveryCheckOfTheTestkitAndPass() throws Exception {
        Path testkit = location(dev.plugnet.testkit.LayerCheck.class);
        Path activations = location(Class.forName("dev.plugnet.activations.SoftmaxProvider"));
        Path api = location(ApiVersion.class);
        PluginJarBuilder tests = PluginJarBuilder.create().classPath(api, testkit, activations,
                location(Test.class));
        List<String> classes = new ArrayList<>();
        for (String tree : List.of("src/main/java", "src/test/java")) {
            Path root = EXAMPLE.resolve(tree);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                        && !f.getFileName().toString().equals("module-info.java")).toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    tests.source(relative, Files.readString(file));
                    if (tree.equals("src/test/java")) {
                        classes.add(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'));
                    }
                }
            }
        }
        Path jar = tests.build(work.resolve("example-tests.jar"));
        String source = String.join("\n", classes.stream().map(c -> {
            try {
                return Files.readString(EXAMPLE.resolve("src/test/java/" + c.replace('.', '/') + ".java"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        for (String check : List.of("LayerCheck", "ActivationCheck", "LossCheck", "OptimizerCheck", "ShortcutCheck")) {
            assertTrue(source.contains(check + ".of("), "the example's tests run " + check);
        }
        try (URLClassLoader loader = new ExampleTestLoader(new URL[] {jar.toUri().toURL(), activations.toUri().toURL()},
                ThirdPartyPluginTest.class.getClassLoader())) {
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (String name : classes) {
                selectors.add(DiscoverySelectors.selectClass(loader.loadClass(name)));
            }
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(),
                    listener);
            TestExecutionSummary summary = listener.getSummary();
            StringWriter failures = new StringWriter();
            summary.printFailuresTo(new PrintWriter(failures), 20);
            assertEquals(0, summary.getTotalFailureCount(), failures.toString());
            assertEquals(6, classes.size(), "a test class for each plugin: " + classes);
            assertEquals(summary.getTestsFoundCount(), summary.getTestsSucceededCount(), failures.toString());
            assertTrue(summary.getTestsSucceededCount() >= 20, summary.getTestsSucceededCount() + " tests in " + classes);
        }
    }

    /**
     * The example's test classes with plugnet's activations beside them, as the example's own build has them on
     * its test path: the activations' classes are loaded here, not from the module that keeps its package
     * unexported; everything else (the api, the testkit, JUnit) comes from the parent.
     */
    private static final class ExampleTestLoader extends URLClassLoader {
        ExampleTestLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.plugnet.activations.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void aNetworkOfOnePluginOfEveryKindFromTheFolderTrainsThroughTheApp() throws Exception {
        String model = EXAMPLE.resolve("every-kind.json").toString();
        String checkpoint = work.resolve("every-kind.json").toString();
        Run train = run("--plugins", folder.toString(), "train", "--config", model, "--data", "thyroid",
                "--epochs", "60", "--out", checkpoint);
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("backward tail: shortcut softmax_focal (fused steps 1–2 for softmax + focal)"),
                train.out());
        assertTrue(train.out().contains("optimizer rmsprop"), train.out());
        java.util.regex.Matcher accuracy = java.util.regex.Pattern.compile("held-out test: accuracy (\\d+\\.\\d)%")
                .matcher(train.out());
        assertTrue(accuracy.find(), train.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 85.0, train.out());
        String saved = Files.readString(Path.of(checkpoint));
        assertTrue(saved.contains("\"square_avg[0]\""), "rmsprop's state is saved by name");

        Run resumed = run("--plugins", folder.toString(), "train", "--resume", checkpoint, "--data", "thyroid",
                "--epochs", "2", "--out", work.resolve("every-kind-more.json").toString());
        assertEquals(0, resumed.code(), resumed.err());
        Run gradcheck = run("--plugins", folder.toString(), "gradcheck", "--config", model);
        assertEquals(0, gradcheck.code(), gradcheck.out() + gradcheck.err());
        Run generic = run("--plugins", folder.toString(), "gradcheck", "--config", model, "--no-shortcut");
        assertEquals(0, generic.code(), generic.out() + generic.err());
        Run explain = run("--plugins", folder.toString(), "explain", "--model", checkpoint, "--rows", "2");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains("(1 − s_bk)^γ"), explain.out());
    }

    @Test
    void aCheckpointWhoseLossAndOptimizerCameFromTheFolderPredictsWithoutItAndEvaluateNamesTheLoss() throws Exception {
        Path model = Files.writeString(work.resolve("focal-builtin.json"), """
                {"name": "focal-5-4-3", "inputs": 5,
                 "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": {"type": "focal", "gamma": 1.5}, "optimizer": {"type": "rmsprop", "learning_rate": 0.02}}""");
        String checkpoint = work.resolve("focal-builtin-out.json").toString();
        Run train = run("--plugins", folder.toString(), "train", "--config", model.toString(), "--data", "thyroid",
                "--epochs", "20", "--out", checkpoint);
        assertEquals(0, train.code(), train.err());
        Run withFolder = run("--plugins", folder.toString(), "predict", "--model", checkpoint, "--data", "thyroid");
        assertEquals(0, withFolder.code(), withFolder.err());

        Run without = run("predict", "--model", checkpoint, "--data", "thyroid");
        assertEquals(0, without.code(), without.err());
        assertEquals(withFolder.out(), without.out(), "the forward path alone gives the same predictions");
        assertEquals("", without.err(), "nothing to warn about: the loss and optimizer are not on the path");

        Run evaluate = run("evaluate", "--model", checkpoint, "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, evaluate.code(), evaluate.err());
        assertTrue(evaluate.err().startsWith("plugnet: " + checkpoint + ": evaluating reports the loss (predict needs"
                + " only the layers and activations), and needs plugins that are not installed: loss \"focal\" (module"
                + " com.example.plugnet.layers@1.0.0); "), evaluate.err());
        assertFalse(evaluate.err().contains("rmsprop"), "the optimizer is not needed to evaluate: " + evaluate.err());
        assertEquals(1, evaluate.err().lines().count(), evaluate.err());

        Run resume = run("train", "--resume", checkpoint, "--data", "thyroid", "--epochs", "1", "--out",
                work.resolve("focal-resumed.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, resume.code(), resume.err());
        assertTrue(resume.err().startsWith("plugnet: " + checkpoint + ": needs plugins that are not"
                + " installed: loss \"focal\" (module com.example.plugnet.layers@1.0.0), optimizer \"rmsprop\""
                + " (module com.example.plugnet.layers@1.0.0); "), "a resumed run needs them all: " + resume.err());
    }
}
