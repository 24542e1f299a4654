package dev.contacts.desktop.contacts;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.contacts.model.LabelCount;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Completion for the labels field ("Family, Wo" offers "Work"): the person's own labels, as the server counts
 * them, that begin with what is typed after the last comma before the caret (or have a word that does),
 * ignoring case and accents; the most used first, and none that the field already holds. Up and Down move
 * the highlight, Enter or Tab takes it.
 */
public final class LabelCompletion {

    /** The most suggestions shown at once. */
    static final int MAX_SUGGESTIONS = 8;

    private List<LabelCount> known = List.of();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    /** The suggestion Enter takes; -1 when none is highlighted. */
    private final ReadOnlyIntegerWrapper highlighted = new ReadOnlyIntegerWrapper(-1);

    /** The text with a label taken, and where the caret goes (after the label). */
    public record Completed(String text, int caret) {
    }

    /** The person's labels, as {@code GET /contacts/labels/} gives them. */
    public void know(List<LabelCount> labels) {
        known = labels.stream()
                .sorted(Comparator.comparingInt(LabelCount::count).reversed())
                .toList();
        suggestions.clear();
        highlighted.set(-1);
    }

    /**
     * The field holds {@code text} with the caret at {@code caret}: suggests labels for the one being typed;
     * with {@code evenIfEmpty} (Down pressed) also when nothing of it is typed yet.
     */
    public void typed(String text, int caret, boolean evenIfEmpty) {
        String fragment = fold(text.substring(start(text, caret), Math.min(caret, text.length())).strip());
        if (fragment.isEmpty() && !evenIfEmpty) {
            close();
            return;
        }
        Set<String> present = Arrays.stream(text.split(",")).map(LabelCompletion::fold).map(String::strip)
                .collect(Collectors.toSet());
        present.remove(fragment); // the one being typed may already be spelled out in full
        List<String> found = known.stream().map(LabelCount::name)
                .filter(name -> !present.contains(fold(name).strip()))
                .filter(name -> fragment.isEmpty() || matches(fold(name), fragment))
                .filter(name -> !fold(name).equals(fragment)) // typed in full: nothing to complete
                .limit(MAX_SUGGESTIONS)
                .toList();
        suggestions.setAll(found);
        highlighted.set(found.isEmpty() ? -1 : 0);
    }

    /** Moves the highlight by {@code step} (Down +1, Up -1), stopping at either end. */
    public void move(int step) {
        if (!suggestions.isEmpty()) {
            highlighted.set(Math.max(0, Math.min(suggestions.size() - 1, highlighted.get() + step)));
        }
    }

    /**
     * Takes suggestion {@code index} into {@code text}: it replaces the label the caret is in (the text between
     * its commas), so "Family, wo|" becomes "Family, Work|". Closes the suggestions.
     */
    public Completed accept(String text, int caret, int index) {
        String label = suggestions.get(index);
        int from = start(text, caret);
        int comma = text.indexOf(',', Math.min(caret, text.length()));
        int to = comma < 0 ? text.length() : comma;
        String before = text.substring(0, from);
        String lead = from == 0 ? "" : " ";
        String completed = before.stripTrailing() + (before.isBlank() ? "" : lead) + label;
        close();
        return new Completed(completed + text.substring(to), completed.length());
    }

    /** No suggestions (Escape, the field left, a label taken). */
    public void close() {
        suggestions.clear();
        highlighted.set(-1);
    }

    public boolean isOpen() {
        return !suggestions.isEmpty();
    }

    public ObservableList<String> suggestions() {
        return FXCollections.unmodifiableObservableList(suggestions);
    }

    public ReadOnlyIntegerProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Where the label the caret is in begins: after the comma before the caret. */
    private static int start(String text, int caret) {
        return text.lastIndexOf(',', Math.min(caret, text.length()) - 1) + 1;
    }

    /** "Famille" begins with "fam"; "Old friends" has a word that begins with "fri". */
    private static boolean matches(String label, String fragment) {
        return label.startsWith(fragment) || label.contains(" " + fragment);
    }

    /** Case and accents aside, as the server compares labels: "Équipe" and "equipe" are one. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
