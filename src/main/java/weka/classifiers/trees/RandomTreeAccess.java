package weka.classifiers.trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the structure of a trained Weka {@link RandomTree} so Ticket Router can convert it into its
 * own compact array format (io.ticketrouter.classification.forest.CompactForest). The fields of
 * {@code RandomTree.Tree} are protected; this class lives in Weka's package only to read them and
 * changes nothing. Kept deliberately tiny: it is the one place that depends on Weka internals
 * (checked against weka-stable 3.8.6; the round-trip test fails if they change).
 */
public final class RandomTreeAccess {

    /** One node in pre-order: split attribute (-1 for a leaf), split point, children, raw class weights (null = empty). */
    public record Node(int attribute, double splitPoint, int left, int right, double[] classDistribution) {}

    private RandomTreeAccess() {}

    /** The nodes of the tree in pre-order; node 0 is the root. Only numeric binary splits are supported. */
    public static List<Node> nodes(RandomTree tree) {
        if (tree.m_Tree == null) {
            throw new IllegalStateException("RandomTree has no tree (not trained, or trained without attributes)");
        }
        List<Node> out = new ArrayList<>();
        visit(tree.m_Tree, out);
        return out;
    }

    private static int visit(RandomTree.Tree node, List<Node> out) {
        int self = out.size();
        out.add(null);
        double[] dist = node.m_ClassDistribution == null ? null : node.m_ClassDistribution.clone();
        if (node.m_Attribute == -1) {
            out.set(self, new Node(-1, Double.NaN, -1, -1, dist));
            return self;
        }
        if (node.m_Successors == null || node.m_Successors.length != 2) {
            throw new IllegalStateException("only binary numeric splits are supported, found a node with "
                    + (node.m_Successors == null ? 0 : node.m_Successors.length) + " successors");
        }
        int left = visit(node.m_Successors[0], out);
        int right = visit(node.m_Successors[1], out);
        out.set(self, new Node(node.m_Attribute, node.m_SplitPoint, left, right, dist));
        return self;
    }
}
