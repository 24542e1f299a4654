package dev.contacts.desktop.ui;

/**
 * Asks the person before something that cannot be taken back (dropping unsaved changes, deleting many
 * contacts). View models decide when to ask; the view shows the question; tests answer it directly.
 */
@FunctionalInterface
public interface Confirm {

    /**
     * Whether the person chose {@code yes} when asked {@code question} ({@code detail} says more); {@code no} is
     * the other answer. Both are verbs that say what happens ("Discard changes", "Keep editing"), never a bare
     * "Cancel" that could mean the edit as well as the question.
     */
    boolean ask(String question, String detail, String yes, String no);

    /** Answers yes without asking: for view-model tests that are not about the question. */
    static Confirm yes() {
        return (question, detail, yes, no) -> true;
    }
}
