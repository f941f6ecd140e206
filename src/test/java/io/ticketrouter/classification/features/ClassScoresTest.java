package io.ticketrouter.classification.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassScoresTest {

    /** Feature 0 marks class 0, feature 1 class 1; feature 2 appears only in row 0. */
    private static List<SparseVector> rows() {
        List<SparseVector> rows = new ArrayList<>();
        rows.add(new SparseVector(new int[] {0, 2}, new double[] {0.6, 0.8}));
        for (int i = 1; i < 20; i++) {
            int f = i % 2;
            rows.add(new SparseVector(new int[] {f}, new double[] {1.0}));
        }
        return rows;
    }

    private static int[] classes() {
        int[] c = new int[20];
        for (int i = 0; i < 20; i++) {
            c[i] = i == 0 ? 0 : i % 2;
        }
        return c;
    }

    @Test
    void bothMethodsScoreTheRightClassHighest() {
        for (ClassScores.Method method : ClassScores.Method.values()) {
            ClassScores scores = ClassScores.fit(method, rows(), classes(), 2, 3, null);
            double[] s0 = scores.scores(new SparseVector(new int[] {0}, new double[] {1}));
            double[] s1 = scores.scores(new SparseVector(new int[] {1}, new double[] {1}));
            assertTrue(s0[0] > s0[1] && s1[1] > s1[0], method.toString());
        }
    }

    @Test
    void crossFittedScoresOfARowIgnoreThatRowsLabel() {
        // Feature 2 only occurs in row 0: a model that never saw row 0 has no evidence about it,
        // so row 0's cross-fitted score must equal its score without feature 2 under that model.
        double[][] crossFitted = ClassScores.crossFitted(ClassScores.Method.NAIVE_BAYES, rows(), classes(), 2, 3, 5);
        boolean[] withoutFold0 = new boolean[20];
        for (int r = 0; r < 20; r++) {
            withoutFold0[r] = r % 5 != 0;
        }
        ClassScores foldModel = ClassScores.fit(rows(), classes(), 2, 3, withoutFold0);
        assertArrayEquals(foldModel.scores(rows().get(0)), crossFitted[0], 0.0);
        ClassScores full = ClassScores.fit(rows(), classes(), 2, 3, null);
        assertTrue(full.weight(0, 2) > foldModel.weight(0, 2), "the full model learned feature 2 from row 0");
    }

    @Test
    void writeAndReadKeepScoresExactly() throws Exception {
        ClassScores scores = ClassScores.fit(ClassScores.Method.LINEAR_SVM, rows(), classes(), 2, 3, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        scores.write(new DataOutputStream(bytes));
        ClassScores read =
                ClassScores.readOne(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 2, 3);
        for (SparseVector row : rows()) {
            assertArrayEquals(scores.scores(row), read.scores(row), 0.0);
        }
        assertEquals(2, read.numClasses());
    }
}
