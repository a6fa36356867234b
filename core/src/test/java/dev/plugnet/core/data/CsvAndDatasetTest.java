package dev.plugnet.core.data;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvAndDatasetTest {
    private final CsvTableReader csv = new CsvTableReader();
    private final DatasetReader datasets = new DatasetReader();

    private CsvTable table(String text) {
        return csv.read("t.csv", new StringReader(text));
    }

    @Test
    void readsQuotedCellsTrimsSpacesSkipsBlankLinesAndKnowsEachRowsLine() {
        CsvTable t = table("a, b ,\"label, quoted\"\n1, 2,\"x, y\"\n\n3,4,z\n");
        assertEquals(List.of("a", "b", "label, quoted"), t.header());
        assertEquals(2, t.rows().size());
        assertEquals("x, y", t.rows().get(0)[2]);
        assertArrayEquals(new int[] {2, 4}, t.lines());
    }

    @Test
    void theLabelIsTheLastColumnByDefaultAndClassesAreSortedNotInOrderOfAppearance() {
        Dataset d = datasets.forTraining(table("f1,f2,kind\n1,2,normal\n3,4,hyper\n5,6,normal\n7,8,hypo\n"), null);
        assertEquals(List.of("f1", "f2"), d.featureNames());
        assertEquals(List.of("hyper", "hypo", "normal"), d.labelNames());
        assertArrayEquals(new int[] {2, 0, 2, 1}, d.labels());
        assertArrayEquals(new double[] {3, 4}, d.features()[1]);
    }

    @Test
    void integerLabelsAreOrderedNumericallyAndTheLabelColumnCanBeNamed() {
        Dataset d = datasets.forTraining(table("class,f1\n10,1\n2,2\n3,3\n"), "class");
        assertEquals(List.of("2", "3", "10"), d.labelNames());
        assertArrayEquals(new int[] {2, 0, 1}, d.labels());
        assertEquals(List.of("f1"), d.featureNames());
    }

    @Test
    void badCellsNameTheirLineAndColumn() {
        DataException e = assertThrows(DataException.class,
                () -> datasets.forTraining(table("a,b,l\n1,2,x\n1,,y\n"), null));
        assertEquals("t.csv line 3, column \"b\": the cell is empty; expected a number", e.getMessage());
        e = assertThrows(DataException.class, () -> datasets.forTraining(table("a,b,l\n1,2,x\n1,2f,y\n"), null));
        assertEquals("t.csv line 3, column \"b\": expected a number, got \"2f\"", e.getMessage());
        e = assertThrows(DataException.class, () -> table("a,a,l\n1,2,x\n"));
        assertEquals("t.csv line 1: column name \"a\" appears twice", e.getMessage());
    }

    @Test
    void dataForAModelIsReadByColumnNameInTheModelsOrder() {
        Preprocessing model = new Preprocessing(List.of("b", "a"), "l",
                new Standardizer(new double[] {0, 0}, new double[] {1, 1}), List.of("x", "y"));
        Dataset d = datasets.forModel(table("a,l,b,extra\n1,y,2,9\n"), model);
        assertArrayEquals(new double[] {2, 1}, d.features()[0]);
        assertArrayEquals(new int[] {1}, d.labels());
        DataException e = assertThrows(DataException.class, () -> datasets.forModel(table("a,l,b\n1,z,2\n"), model));
        assertEquals("t.csv line 2, column \"l\": unknown class \"z\"; the model knows \"x\", \"y\"", e.getMessage());
        Dataset unlabelled = datasets.unlabelled(table("b,a\n5,6\n"), model);
        assertArrayEquals(new double[] {5, 6}, unlabelled.features()[0]);
    }

    @Test
    void theSplitIsStratifiedSeededAndDisjoint() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 80 ? 0 : 1;
        }
        StratifiedSplitter splitter = new StratifiedSplitter(0.1, 0.2);
        Split s = splitter.split(labels, 2, 42);
        assertEquals(s, splitter.split(labels, 2, 42));
        assertEquals(20, s.test().length);
        assertEquals(10, s.validation().length);
        assertEquals(70, s.train().length);
        assertEquals(4, java.util.Arrays.stream(s.test()).filter(i -> labels[i] == 1).count(), "20% of class 1");
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            for (int i : part) {
                assertEquals(true, all.add(i), "row " + i + " in two parts");
            }
        }
        assertEquals(100, all.size());
        assertEquals(false, s.equals(splitter.split(labels, 2, 43)));
    }

    @Test
    void standardisationUsesOnlyTheRowsItIsFittedOn() {
        double[][] x = {{1, 5}, {3, 5}, {100, 7}};
        Standardizer s = Standardizer.fit(x, new int[] {0, 1}, 2);
        assertArrayEquals(new double[] {2, 5}, s.means());
        assertArrayEquals(new double[] {1, 1}, s.scales(), "sd 1; a constant feature gets scale 1");
        double[] out = new double[2];
        s.apply(x[2], out, 0);
        assertArrayEquals(new double[] {98, 2}, out);
    }

    @Test
    void minibatchesCoverEveryRowOnceAnEpochInASeededOrderReusingTheirBuffers() {
        Dataset d = datasets.forTraining(table("f,l\n0,a\n1,b\n2,a\n3,b\n4,a\n"), null);
        Samples samples = Samples.all(d, new Standardizer(new double[] {0}, new double[] {1}));
        Minibatches batches = new Minibatches(samples, 2, 7);
        assertEquals(3, batches.count());
        batches.shuffle(1);
        java.util.List<Double> seen = new java.util.ArrayList<>();
        Minibatches.Batch first = batches.batch(0);
        for (int b = 0; b < 3; b++) {
            Minibatches.Batch batch = batches.batch(b);
            for (int i = 0; i < batch.size(); i++) {
                double v = batch.inputs().get(i, 0);
                seen.add(v);
                assertEquals(1.0, batch.targets().get(i, d.labels()[(int) v]));
            }
        }
        assertEquals(first, batches.batch(0), "the same buffers");
        java.util.List<Double> sorted = new java.util.ArrayList<>(seen);
        java.util.Collections.sort(sorted);
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), sorted);
        Minibatches again = new Minibatches(samples, 2, 7);
        again.shuffle(1);
        assertEquals(seen.get(0), again.batch(0).inputs().get(0, 0));
    }
}
