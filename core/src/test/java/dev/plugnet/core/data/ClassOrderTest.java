package dev.plugnet.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassOrderTest {
    @Test
    void numbersSortNumericallyNotAsText() {
        assertEquals(List.of("-1", "2", "10", "10.5"), ClassOrder.sorted(List.of("10", "2", "10.5", "-1")));
    }

    @Test
    void namesSortByUnicodeCodePointWhateverTheirOrderOfAppearance() {
        assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"),
                ClassOrder.sorted(List.of("Iris-virginica", "Iris-setosa", "Iris-versicolor")));
        // upper case before lower case; a supplementary character (U+1F600) after U+FFFD, which UTF-16 order
        // would put before it
        assertEquals(List.of("B", "a", "\uFFFD", "\uD83D\uDE00"), ClassOrder.sorted(List.of("\uD83D\uDE00", "a",
                "\uFFFD", "B")));
        // one name that is not a number makes the whole order textual
        assertEquals(List.of("10", "2", "x"), ClassOrder.sorted(List.of("2", "x", "10")));
    }

    @Test
    void theDefaultPositiveClassIsTheSecond() {
        assertEquals(1, ClassOrder.positiveIndex(List.of("0", "1"), null));
        assertEquals(0, ClassOrder.positiveIndex(List.of("malignant", "benign"), "malignant"));
        assertEquals(-1, ClassOrder.positiveIndex(List.of("a", "b", "c"), null));
    }

    @Test
    void theClassOrderDoesNotDependOnTheRowOrder() {
        CsvTableReader reader = new CsvTableReader();
        DatasetReader datasets = new DatasetReader();
        Dataset one = datasets.forTraining(reader.read("one", new java.io.StringReader("x,y\n1,yes\n2,no\n3,maybe\n")), null);
        Dataset two = datasets.forTraining(reader.read("two", new java.io.StringReader("x,y\n3,maybe\n1,yes\n2,no\n")), null);
        assertEquals(List.of("maybe", "no", "yes"), one.labelNames());
        assertEquals(one.labelNames(), two.labelNames());
        assertEquals(2, one.labels()[0]);
    }

    @Test
    void theConfigsClassListSetsTheOrderAndRefusesOtherClasses() {
        CsvTable table = new CsvTableReader().read("t.csv", new java.io.StringReader("x,y\n1,yes\n2,no\n"));
        Dataset d = new DatasetReader().forTraining(table, null, List.of("yes", "no", "maybe"));
        assertEquals(List.of("yes", "no", "maybe"), d.labelNames());
        assertEquals(0, d.labels()[0]);
        DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> new DatasetReader().forTraining(table, null, List.of("yes", "maybe")));
        assertEquals("t.csv line 3, column \"y\": unknown class \"no\"; training.classes lists \"yes\", \"maybe\"",
                e.getMessage());
    }
}
