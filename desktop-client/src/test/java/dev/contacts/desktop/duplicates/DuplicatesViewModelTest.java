package dev.contacts.desktop.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.DuplicateGroup;
import dev.contacts.model.LabeledValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesViewModelTest {

    @TempDir
    Path dir;

    private static ContactDraft draft(String first, String last, String email, String phone, String organization) {
        return new ContactDraft(first, last, email == null ? List.of() : List.of(new LabeledValue(email, "work")),
                phone == null ? List.of() : List.of(new LabeledValue(phone, "mobile")), null, null, List.of(),
                organization, null, null, List.of(), false);
    }

    @Test
    void aNameEndingInAFullStopIsNotFollowedByAnother() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("dots@example.com")) {
            Contact maria = fixture.api.create(draft("Maria", "S.", "maria@example.com", null, "Acme"));
            fixture.api.create(draft("Maria", "Schmidt", "maria@example.com", null, null));
            DuplicatesViewModel vm = new DuplicatesViewModel(fixture.user, Background.direct(), () -> { });
            vm.refresh();
            vm.merge(vm.groups().get(0), maria);
            assertEquals("Merged 2 contacts into Maria S. The other one is in the trash.", vm.messageProperty().get());
        }
    }

    @Test
    void mergesAGroupIntoTheChosenContactAndUndoPutsEverythingBack() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("dupes@example.com")) {
            Contact ann = fixture.api.create(draft("Ann", "Lee", "ann@example.com", null, null));
            Contact annWork = fixture.api.create(draft("Ann", "Lee", "ann@example.com", "+44 20 7946 0000", "Acme"));
            fixture.api.create(draft("Bob", "Other", "bob@example.com", null, null));
            AtomicInteger reloads = new AtomicInteger();
            DuplicatesViewModel vm = new DuplicatesViewModel(fixture.user, Background.direct(),
                    reloads::incrementAndGet);
            vm.refresh();
            assertEquals(1, vm.groups().size(), "one group, though the server finds them by email and by name");
            DuplicatesViewModel.Group group = vm.groups().get(0);
            assertEquals("Same email address · Same name", DuplicatesViewModel.reasons(group));
            assertEquals(annWork.id(), DuplicatesViewModel.suggestedKeep(group).id(), "the fullest is proposed");

            vm.merge(group, ann); // the person chose the other one
            assertTrue(vm.groups().isEmpty());
            assertEquals("Merged 2 contacts into Ann Lee. The other one is in the trash.", vm.messageProperty().get());
            assertEquals(1, reloads.get());
            Contact merged = fixture.api.list(0, 10).items().stream().filter(c -> c.id() == ann.id()).findFirst()
                    .orElseThrow();
            assertEquals("Acme", merged.organization(), "empty fields are filled from the other");
            assertEquals("+44 20 7946 0000", merged.phone());
            assertEquals(List.of(annWork.id()),
                    fixture.api.trash(0, 10).items().stream().map(t -> t.contact().id()).toList());

            vm.undoMerge();
            assertNull(vm.lastMergeProperty().get());
            assertEquals(2, reloads.get());
            assertEquals(0, fixture.api.trash(0, 10).total());
            List<Contact> back = fixture.api.list(0, 10).items();
            Contact annAgain = back.stream().filter(c -> c.id() == ann.id()).findFirst().orElseThrow();
            assertNull(annAgain.organization(), "the kept contact is as it was");
            assertEquals(List.of(), annAgain.phones());
            Contact annWorkAgain = back.stream().filter(c -> c.id() == annWork.id()).findFirst().orElseThrow();
            assertEquals("Acme", annWorkAgain.organization(), "the other one is back with its id and fields");
            assertEquals(1, vm.groups().size(), "and they are duplicates again");
        }
    }

    @Test
    void aMergeTheServerRefusesChangesNothingAndSaysSo() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("refused@example.com")) {
            Contact a = fixture.api.create(draft("Cy", "Same", "cy@example.com", null, null));
            fixture.api.create(draft("Cy", "Same", "cy@example.com", null, null));
            DuplicatesViewModel vm = new DuplicatesViewModel(fixture.user, Background.direct(), () -> { });
            vm.refresh();
            DuplicatesViewModel.Group group = vm.groups().get(0);
            fixture.api.delete(a.id()); // deleted in another window meanwhile
            vm.merge(group, a);
            assertEquals("Nothing was merged: these contacts were changed elsewhere meanwhile (merged, deleted or edited"
                    + " on another device). The duplicates below are as they are now.", vm.errorProperty().get());
            assertNull(vm.lastMergeProperty().get());
            assertEquals(1, fixture.api.list(0, 10).total());
        }
    }

    @Test
    void wordsForAGroup() {
        Contact c = new Contact(7, draft("Ann", "Lee", "ann@example.com", "+1 555 0100", "Acme"), false,
                Instant.EPOCH, Instant.EPOCH);
        assertEquals("Ann Lee · ann@example.com · +1 555 0100 · Acme", DuplicatesViewModel.describe(c));
        Contact other = new Contact(8, draft("Ann", "Lee", null, "+1 555 0100", null), false, Instant.EPOCH,
                Instant.EPOCH);
        List<DuplicatesViewModel.Group> groups = DuplicatesViewModel.grouped(List.of(
                new DuplicateGroup("phone", List.of(c, other)), new DuplicateGroup("name", List.of(other, c))));
        assertEquals(1, groups.size());
        assertEquals("Same phone number · Same name", DuplicatesViewModel.reasons(groups.get(0)));
    }

    private static byte[] png(int rgb) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Whether the photo is mostly red (else blue): the server re-encodes what it is given. */
    private static boolean red(byte[] photo) throws java.io.IOException {
        int rgb = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo)).getRGB(32, 32);
        return ((rgb >> 16) & 0xFF) > (rgb & 0xFF);
    }

    @Test
    void theNameAndBirthdayOfAnotherCardAreKeptUntilUndo() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("choose@example.com")) {
            Contact full = fixture.api.create(new ContactDraft("Ann", "Lee", List.of(new LabeledValue("ann@example.com",
                    "work")), List.of(), java.time.LocalDate.of(1980, 1, 2), null, List.of(), "Acme", null, null,
                    List.of(), false));
            Contact right = fixture.api.create(new ContactDraft("Annabel", "Lee", List.of(new LabeledValue(
                    "ann@example.com", "home")), List.of(), java.time.LocalDate.of(1981, 2, 3), "Met in Rome",
                    List.of(), null, null, null, List.of(), false));
            DuplicatesViewModel vm = new DuplicatesViewModel(fixture.user, Background.direct(), () -> { });
            vm.refresh();
            DuplicatesViewModel.Group group = vm.groups().get(0);
            assertTrue(DuplicatesViewModel.hasChoices(group), "two names and two birthdays to choose from");

            vm.merge(group, full, new DuplicatesViewModel.Choice(right, null, right));
            assertEquals("", vm.errorProperty().get());
            Contact merged = fixture.api.get(full.id()).contact();
            assertEquals("Annabel", merged.firstName(), "the chosen card's name");
            assertEquals(java.time.LocalDate.of(1981, 2, 3), merged.birthday(), "and birthday");
            assertEquals("Acme", merged.organization(), "the kept card's other values");
            assertEquals("Met in Rome", merged.additionalData(), "the notes joined, nothing added to them");
            assertEquals("Merged 2 contacts into Annabel Lee. The other one is in the trash.",
                    vm.messageProperty().get());

            vm.undoMerge();
            Contact back = fixture.api.get(full.id()).contact();
            assertEquals("Ann", back.firstName());
            assertEquals(java.time.LocalDate.of(1980, 1, 2), back.birthday());
            assertNull(back.additionalData());
        }
    }

    @Test
    void thePhotoOfAnotherCardIsKeptAndTheKeptOnesOwnStaysOnThatCardUntilUndoSwapsThemBack() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("photos@example.com")) {
            Contact keep = fixture.api.create(draft("Ann", "Lee", "ann@example.com", null, "Acme"));
            Contact other = fixture.api.create(draft("Ann", "Lee", "ann@example.com", null, null));
            fixture.api.putPhoto(keep.id(), png(0xFF0000), "image/png");
            fixture.api.putPhoto(other.id(), png(0x0000FF), "image/png");
            DuplicatesViewModel vm = new DuplicatesViewModel(fixture.user, Background.direct(), () -> { });
            vm.refresh();
            DuplicatesViewModel.Group group = vm.groups().get(0);
            Contact keepNow = group.contacts().stream().filter(c -> c.id() == keep.id()).findFirst().orElseThrow();
            Contact otherNow = group.contacts().stream().filter(c -> c.id() == other.id()).findFirst().orElseThrow();
            assertTrue(DuplicatesViewModel.hasChoices(group), "two photos to choose from");

            vm.merge(group, keepNow, new DuplicatesViewModel.Choice(keepNow, otherNow, null));
            assertEquals("", vm.errorProperty().get());
            assertTrue(!red(fixture.api.photo(keep.id())), "the merged contact has the chosen (blue) photo");
            fixture.api.restore(other.id());
            assertTrue(red(fixture.api.photo(other.id())), "its own (red) one is on the card in the trash");
            fixture.api.trash(List.of(other.id()));

            vm.undoMerge();
            assertTrue(red(fixture.api.photo(keep.id())), "undo gives each its own photo back");
            assertTrue(!red(fixture.api.photo(other.id())));
        }
    }

    @Test
    void whenTheMergeIsRefusedAfterTheKeptCardWasGivenTheChosenNameItGetsItsOwnBack() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("putback@example.com")) {
            Contact keep = fixture.api.create(draft("Ann", "Lee", "ann@example.com", null, "Acme"));
            Contact other = fixture.api.create(draft("Annabel", "Lee", "ann@example.com", null, null));
            DuplicatesViewModel vm = new DuplicatesViewModel(fixture.user, Background.direct(), () -> { });
            vm.refresh();
            DuplicatesViewModel.Group group = vm.groups().get(0);
            fixture.api.delete(other.id()); // deleted in another window meanwhile: the merge answers 404

            vm.merge(group, keep, new DuplicatesViewModel.Choice(other, null, null));
            assertEquals("Nothing was merged: these contacts were changed elsewhere meanwhile (merged, deleted or edited"
                    + " on another device). The duplicates below are as they are now.", vm.errorProperty().get());
            Contact after = fixture.api.get(keep.id()).contact();
            assertEquals("Ann", after.firstName(), "the kept card is as it was");
            assertNull(after.additionalData());
        }
    }
}
