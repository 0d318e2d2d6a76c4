package io.maelezo.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The literal starts of pattern pieces, letter by letter, for {@link KeywordIndex}. */
final class Trie {
    private final Builder root = new Builder();

    void add(String literal, PatternPieces.Piece piece) {
        Builder node = root;
        for (int i = 0; i < literal.length(); i++) {
            node = node.children.computeIfAbsent(literal.charAt(i), c -> new Builder());
        }
        if (!node.pieces.contains(piece)) {
            node.pieces.add(piece);
        }
    }

    Node freeze() {
        return root.freeze();
    }

    private static final class Builder {
        private final Map<Character, Builder> children = new TreeMap<>();
        private final List<PatternPieces.Piece> pieces = new ArrayList<>();

        Node freeze() {
            char[] labels = new char[children.size()];
            Node[] nodes = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, Builder> child : children.entrySet()) {
                labels[i] = child.getKey();
                nodes[i++] = child.getValue().freeze();
            }
            return new Node(labels, nodes, pieces.toArray(new PatternPieces.Piece[0]));
        }
    }

    /** One letter of the trie: the pieces whose literal ends here, and the letters that may follow. */
    static final class Node {
        private final char[] labels;
        private final Node[] children;
        private final PatternPieces.Piece[] pieces;
        /** For a letter with many followers (the first letters of all literals): the ASCII ones by code. */
        private final Node[] byAscii;

        Node(char[] labels, Node[] children, PatternPieces.Piece[] pieces) {
            this.labels = labels;
            this.children = children;
            this.pieces = pieces;
            if (labels.length > 8) {
                byAscii = new Node[128];
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] < 128) {
                        byAscii[labels[i]] = children[i];
                    }
                }
            } else {
                byAscii = null;
            }
        }

        Node child(char c) {
            if (byAscii != null && c < 128) {
                return byAscii[c];
            }
            if (labels.length <= 8) {
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == c) {
                        return children[i];
                    }
                }
                return null;
            }
            int at = Arrays.binarySearch(labels, c);
            return at < 0 ? null : children[at];
        }

        boolean hasChildOtherThanLetterOrDigit() {
            for (char label : labels) {
                if (!Character.isLetterOrDigit(label)) {
                    return true;
                }
            }
            return false;
        }

        PatternPieces.Piece[] pieces() {
            return pieces;
        }
    }
}
