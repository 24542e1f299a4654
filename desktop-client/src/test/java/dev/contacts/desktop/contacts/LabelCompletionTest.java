package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.contacts.model.LabelCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabelCompletionTest {

    private final LabelCompletion completion = new LabelCompletion();

    @BeforeEach
    void know() {
        completion.know(List.of(new LabelCount("Book club", 2), new LabelCount("Équipe", 4),
                new LabelCount("Family", 12), new LabelCount("Old friends", 3), new LabelCount("Work", 30),
                new LabelCount("Workshop", 1)));
    }

    private List<String> suggested(String text) {
        completion.typed(text, text.length(), false);
        return List.copyOf(completion.suggestions());
    }

    @Test
    void suggestsTheLabelsThatBeginWithWhatIsTypedMostUsedFirst() {
        assertEquals(List.of("Work", "Workshop"), suggested("wo"));
        assertEquals(List.of("Family"), suggested("FA"), "case aside");
        assertEquals(List.of("Équipe"), suggested("equ"), "accents aside");
        assertEquals(List.of("Old friends"), suggested("fri"), "a word of the label");
        assertEquals(List.of(), suggested("xyz"));
        assertEquals(-1, completion.highlightedProperty().get(), "nothing to highlight");
    }

    @Test
    void onlyTheLabelAfterTheLastCommaCountsAndTheOnesAlreadyThereAreNotOffered() {
        assertEquals(List.of("Workshop"), suggested("Work, wo"), "Work is there already");
        assertEquals(List.of("Family"), suggested("Work,  fa"));
        assertEquals(List.of("Workshop"), suggested("Work"), "typed in full: only longer ones remain");
    }

    @Test
    void nothingTypedOffersNothingUntilDownAsksForAll() {
        assertEquals(List.of(), suggested("Family, "));
        assertFalse(completion.isOpen());
        completion.typed("Family, ", 8, true);
        assertEquals(List.of("Work", "Équipe", "Old friends", "Book club", "Workshop"), completion.suggestions(),
                "every label but Family, most used first");
    }

    @Test
    void upAndDownMoveTheHighlightWithinTheList() {
        suggested("wo");
        assertEquals(0, completion.highlightedProperty().get(), "the first is ready for Enter");
        completion.move(1);
        completion.move(1);
        assertEquals(1, completion.highlightedProperty().get(), "stops at the last");
        completion.move(-1);
        completion.move(-1);
        assertEquals(0, completion.highlightedProperty().get(), "stops at the first");
    }

    @Test
    void takingASuggestionReplacesTheLabelBeingTypedAndPutsTheCaretAfterIt() {
        suggested("Family, wo");
        completion.move(1);
        LabelCompletion.Completed done = completion.accept("Family, wo", 10, completion.highlightedProperty().get());
        assertEquals(new LabelCompletion.Completed("Family, Workshop", 16), done);
        assertFalse(completion.isOpen(), "closed once taken");

        suggested("fa");
        assertEquals(new LabelCompletion.Completed("Family", 6), completion.accept("fa", 2, 0));
    }

    @Test
    void aLabelInTheMiddleIsCompletedInPlaceKeepingTheOthers() {
        completion.typed("Work, fa, Book club", 8, false);
        assertEquals(List.of("Family"), completion.suggestions());
        assertEquals(new LabelCompletion.Completed("Work, Family, Book club", 12),
                completion.accept("Work, fa, Book club", 8, 0));
    }

    @Test
    void newLabelsFromTheServerReplaceTheOldAndCloseTheList() {
        suggested("wo");
        assertTrue(completion.isOpen());
        completion.know(List.of(new LabelCount("Neighbours", 1)));
        assertFalse(completion.isOpen());
        assertEquals(List.of("Neighbours"), suggested("n"));
    }
}
