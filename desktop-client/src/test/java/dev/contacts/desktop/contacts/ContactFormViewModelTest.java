package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.support.HeldBack;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactFormViewModelTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private ContactFormViewModel vm;
    private int saves;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("form@example.com");
        vm = new ContactFormViewModel(fixture.user, Background.direct());
        vm.setOnSaved(saved -> saves++);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void createSendsTheFormWithBlankOptionalFieldsAsNull() {
        vm.startNew();
        vm.firstNameProperty().set("  Ada ");
        vm.lastNameProperty().set("Lovelace");
        vm.emailProperty().set("   ");
        vm.birthdayTextProperty().set("1815-12-10");
        vm.save();
        assertEquals(1, saves);
        assertFalse(vm.openProperty().get());
        Contact saved = fixture.api.list(0, 10).items().get(0);
        assertEquals("Ada", saved.firstName());
        assertNull(saved.email());
        assertNull(saved.additionalData());
        assertEquals(LocalDate.of(1815, 12, 10), saved.birthday());
    }

    @Test
    void editFillsTheFormAndSavesTheChange() {
        Contact existing = fixture.api.create(new ContactDraft("Grace", "Hopper", "g@navy.mil", null, null, "Note"));
        vm.startEdit(existing);
        assertEquals("g@navy.mil", vm.emailProperty().get());
        assertEquals("Note", vm.additionalDataProperty().get());
        vm.lastNameProperty().set("Murray Hopper");
        vm.save();
        assertEquals("Murray Hopper", fixture.api.list(0, 10).items().get(0).lastName());
    }

    @Test
    void theSharedRulesAreCheckedBeforeSending() {
        vm.startNew();
        vm.lastNameProperty().set("x".repeat(51));
        vm.phoneProperty().set("12");
        vm.birthdayTextProperty().set(LocalDate.now().plusYears(1).toString());
        vm.save();
        assertEquals("Required.", vm.errorProperty("first_name").get());
        assertTrue(vm.errorProperty("last_name").get().contains("50"));
        assertFalse(vm.errorProperty("phone").get().isEmpty());
        assertFalse(vm.errorProperty("birthday").get().isEmpty());
        assertEquals(0, fixture.api.list(0, 10).total(), "nothing was sent");
        assertTrue(vm.openProperty().get());
        assertEquals(1, vm.refusedProperty().get(), "the view is told, to put the cursor on the first error");
        vm.firstNameProperty().set("Ada");
        vm.lastNameProperty().set("Lovelace");
        vm.phoneProperty().set("");
        vm.birthdayTextProperty().set("");
        vm.save();
        assertEquals(1, fixture.api.list(0, 10).total());
        assertEquals(1, vm.refusedProperty().get(), "a save that goes through is not refused");
    }

    @Test
    void theServersFieldErrorsAreShownBesideTheFields() {
        // a server whose rules are stricter than this client's (e.g. a newer version) answers 422
        Background answers422 = new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                onFailure.accept(new ApiFailure.Invalid(List.of(
                        FieldError.body("phone", "Value error, this number is not reachable", "value_error"))));
            }
        };
        ContactFormViewModel strict = new ContactFormViewModel(fixture.user, answers422);
        strict.startNew();
        strict.firstNameProperty().set("Ada");
        strict.lastNameProperty().set("Lovelace");
        strict.phoneProperty().set("+44 20 7946 0018");
        strict.save();
        assertEquals("This number is not reachable.", strict.errorProperty("phone").get());
        assertEquals(1, strict.refusedProperty().get(), "refused by the server: the cursor goes to the phone too");
        assertTrue(strict.openProperty().get(), "the form stays open with what was typed");
        assertEquals("+44 20 7946 0018", strict.phoneProperty().get());
        assertFalse(strict.savingProperty().get());
    }

    @Test
    void nothingTypedIsLostWhenTheSessionEnds() {
        vm.startNew();
        vm.firstNameProperty().set("Half");
        vm.lastNameProperty().set("Typed");
        fixture.clock.advance(Duration.ofDays(15));
        vm.save();
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
        assertTrue(vm.openProperty().get());
        assertEquals("Half", vm.firstNameProperty().get());
        assertFalse(vm.savingProperty().get(), "Save can be pressed again after logging in");

        fixture.clock.advance(Duration.ofDays(-15));
        fixture.api.login("form@example.com", ServerFixture.PASSWORD);
        vm.save();
        assertEquals(1, fixture.api.list(0, 10).total());
    }

    @Test
    void aServerOutageKeepsTheEditAndSaysSo() {
        vm.startNew();
        vm.firstNameProperty().set("Kept");
        vm.lastNameProperty().set("Safe");
        fixture.server.stop();
        vm.save();
        assertTrue(vm.openProperty().get());
        assertEquals("Kept", vm.firstNameProperty().get());
        assertTrue(vm.formErrorProperty().get().contains("Your changes are kept"), vm.formErrorProperty().get());
    }

    @Test
    void cancelClosesWithoutSaving() {
        vm.startNew();
        vm.firstNameProperty().set("Never");
        vm.cancel();
        assertFalse(vm.openProperty().get());
        assertEquals(0, fixture.api.list(0, 10).total());
    }

    @Test
    void theBirthdayIsReadInTheLocalesFormatAndInIso() {
        ContactFormViewModel german = new ContactFormViewModel(fixture.user, Background.direct(),
                new Dates(Locale.GERMANY));
        german.startNew();
        german.firstNameProperty().set("Ada");
        german.lastNameProperty().set("Lovelace");
        german.birthdayTextProperty().set(" 10.12.1815 ");
        assertEquals(LocalDate.of(1815, 12, 10), german.draft().orElseThrow().birthday());
        german.birthdayTextProperty().set("1815-12-10");
        assertEquals(LocalDate.of(1815, 12, 10), german.draft().orElseThrow().birthday());

        ContactFormViewModel american = new ContactFormViewModel(fixture.user, Background.direct(),
                new Dates(Locale.US));
        american.startNew();
        american.birthdayTextProperty().set("12/10/1815");
        assertEquals(LocalDate.of(1815, 12, 10), american.draft().orElseThrow().birthday());
        american.birthdayTextProperty().set("Dec 10, 1815");
        assertEquals(LocalDate.of(1815, 12, 10), american.draft().orElseThrow().birthday());
        american.startEdit(fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null,
                LocalDate.of(1815, 12, 10), null)));
        assertEquals("12/10/1815", american.birthdayTextProperty().get(), "shown as the table shows it");
    }

    @Test
    void anImportedBirthdayWithoutAYearIsEditedWithoutThePlaceholderYearAndKeptYearless() {
        ContactFormViewModel american = new ContactFormViewModel(fixture.user, Background.direct(),
                new Dates(Locale.US));
        Contact ana = fixture.api.create(new ContactDraft("Ana", "Ortega", null, null,
                LocalDate.of(ContactRules.YEAR_UNKNOWN, 12, 24), null));
        american.startEdit(ana);
        assertEquals("12/24", american.birthdayTextProperty().get(), "as an import gave it: no year, not 1604");
        assertFalse(american.changedProperty().get(), "opening it changes nothing");
        american.birthdayTextProperty().set("1/2");
        american.save();
        assertEquals(LocalDate.of(ContactRules.YEAR_UNKNOWN, 1, 2), fixture.api.get(ana.id()).contact().birthday(),
                "typed without a year: still a birthday whose year is unknown");
    }

    @Test
    void anUnreadableBirthdayIsExplainedAndNothingIsSent() {
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        vm.lastNameProperty().set("Lovelace");
        vm.birthdayTextProperty().set("next tuesday");
        vm.save();
        assertTrue(vm.errorProperty("birthday").get().startsWith("Use a date like"), vm.errorProperty("birthday").get());
        assertEquals(0, fixture.api.list(0, 10).total());
        assertTrue(vm.openProperty().get());
    }

    @Test
    void textLeftInTheBirthdayDoesNotSurviveEscape() {
        vm.startNew();
        vm.birthdayTextProperty().set("garbage");
        vm.cancel();
        vm.startNew();
        assertEquals("", vm.birthdayTextProperty().get());
    }

    @Test
    void unsavedChangesAreNotDroppedWithoutAsking() {
        List<String> asked = new ArrayList<>();
        boolean[] answer = {false};
        vm.setConfirm((question, detail, yes, no) -> {
            asked.add(question);
            return answer[0];
        });
        Contact grace = fixture.api.create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Contact alan = fixture.api.create(new ContactDraft("Alan", "Turing", null, null, null, null));

        vm.startEdit(grace);
        assertTrue(vm.startEdit(alan), "nothing typed yet: no question");
        assertEquals(List.of(), asked);

        vm.firstNameProperty().set("Alan M.");
        assertFalse(vm.startEdit(grace), "the person chose to keep editing");
        assertEquals("Alan M.", vm.firstNameProperty().get());
        assertFalse(vm.startNew());
        vm.cancel();
        assertTrue(vm.openProperty().get(), "Escape asks too");
        assertEquals(3, asked.size());

        answer[0] = true;
        assertTrue(vm.startEdit(grace));
        assertEquals("Grace", vm.firstNameProperty().get());
        assertFalse(vm.changedProperty().get());
    }

    private Contact ada() {
        return fixture.api.create(new ContactDraft("Ada", "Lovelace",
                List.of(new LabeledValue("ada@example.com", "home"), new LabeledValue("ada@work.example", "work")),
                List.of(new LabeledValue("+44 20 7946 0018", "mobile")), null, null,
                List.of(new PostalAddress("home", "12 Square", "London", null, null, null)), "Engines", null,
                null, List.of("Family"), false));
    }

    @Test
    void everyV2FieldIsEditedWithRowsAddedAndRemoved() {
        Contact existing = ada();
        vm.startEdit(existing);
        assertEquals(2, vm.emails().size());
        assertEquals("work", vm.emails().get(1).labelProperty().get());
        assertEquals("Family", vm.labelsTextProperty().get());
        vm.remove(vm.emails().get(0));
        vm.addPhone();
        vm.phones().get(1).valueProperty().set("+1 555 010 9999");
        vm.phones().get(1).labelProperty().set("work");
        vm.addAddress();
        vm.addresses().get(1).localityProperty().set("Kyiv");
        vm.addresses().get(1).labelProperty().set("work");
        vm.labelsTextProperty().set("Family, Science, family");
        vm.favoriteProperty().set(true);
        vm.jobTitleProperty().set("Analyst");
        vm.save();
        assertFalse(vm.openProperty().get(), "saved");
        Contact saved = fixture.api.get(existing.id()).contact();
        assertEquals(List.of(new LabeledValue("ada@work.example", "work")), saved.emails());
        assertEquals(List.of(new LabeledValue("+44 20 7946 0018", "mobile"), new LabeledValue("+1 555 010 9999", "work")),
                saved.phones());
        assertEquals(List.of(new PostalAddress("home", "12 Square", "London", null, null, null),
                new PostalAddress("work", null, "Kyiv", null, null, null)), saved.addresses());
        assertEquals(List.of("Family", "Science"), saved.labels(), "the same label in another case is merged");
        assertTrue(saved.favorite());
        assertEquals("Analyst", saved.jobTitle());
        assertEquals("Engines", saved.organization(), "untouched");
    }

    /** The fields after the country's, as "label" per field and " | " between lines. */
    private static String fields(ContactFormViewModel.AddressRow row) {
        return String.join(" | ", row.layoutProperty().get().stream().map(line -> String.join(", ",
                line.stream().map(AddressLayout.Field::label).toList())).toList());
    }

    @Test
    void anAddresssFieldsFollowItsCountryOnceTypedAndKeepWhatWasTypedInThem() {
        Contact existing = fixture.api.create(new ContactDraft("Ada", "Lovelace", List.of(), List.of(), null, null,
                List.of(new PostalAddress("home", "12 St James's Square", "London", "Greater London", "SW1Y 4LB",
                        "United Kingdom")), null, null, null, List.of(), false));
        vm.startEdit(existing);
        ContactFormViewModel.AddressRow row = vm.addresses().get(0);
        assertEquals("Street | Town or city | County | Postcode", fields(row), "the UK's order and names");

        row.countryProperty().set("Ca"); // on the way to "Canada": not yet Canada's order
        assertEquals("Street | Town or city | County | Postcode", fields(row));
        row.countryProperty().set("USA");
        row.fieldLeft();
        assertEquals("Street | City, State, ZIP code", fields(row));
        row.countryProperty().set("Germany");
        row.fieldLeft();
        assertEquals("Street | Postal code, City | Region", fields(row), "a country with no order of its own");
        assertEquals(List.of("home", "12 St James's Square", "London", "Greater London", "SW1Y 4LB", "Germany"),
                row.values(), "nothing typed was lost on the way");
        assertEquals("SW1Y 4LB", row.part(AddressLayout.Part.POSTAL_CODE).get());

        vm.addAddress();
        assertEquals(AddressLayout.form(new PostalAddress(null, "", "", "", "", ""), Locale.getDefault().getCountry()),
                vm.addresses().get(1).layoutProperty().get(), "no country yet: laid out as in the user's own");
    }

    @Test
    void aJapaneseAddressIsLaidOutByTheScriptTypedAsTheDetailWritesIt() {
        vm.startNew();
        vm.addAddress();
        ContactFormViewModel.AddressRow row = vm.addresses().get(0);
        row.countryProperty().set("Japan");
        row.fieldLeft();
        row.streetProperty().set("1-1 Chiyoda");
        row.fieldLeft();
        assertEquals("Street | City, Prefecture, Postal code", fields(row), "Latin script: street first");

        row.streetProperty().set("千代田1-1");
        assertEquals("Street | City, Prefecture, Postal code", fields(row), "not while typing");
        row.fieldLeft();
        assertEquals("Postal code | Prefecture, City | Street", fields(row), "Japanese script: from the postcode down");
        row.localityProperty().set("千代田区");
        row.fieldLeft();
        assertEquals(List.of("other", "千代田1-1", "千代田区", "", "", "Japan"), row.values(), "nothing typed was lost");
    }

    @Test
    void theLastEmailRowIsEmptiedNotRemovedAndEmptyRowsAreNotSent() {
        vm.startNew();
        assertEquals(1, vm.emails().size(), "a new form has a row to type the first email into");
        vm.emailProperty().set("x@example.com");
        vm.remove(vm.emails().get(0));
        assertEquals(1, vm.emails().size());
        assertEquals("", vm.emailProperty().get());
        vm.addEmail();
        vm.firstNameProperty().set("Nobody");
        vm.save();
        assertEquals(List.of(), fixture.api.list(0, 10).items().get(0).emails());
    }

    @Test
    void aNewRowShowsTheKindItIsSavedAsNotAnEmptyField() {
        vm.startNew();
        assertEquals("other", vm.emails().get(0).labelProperty().get());
        assertEquals("mobile", vm.phones().get(0).labelProperty().get());
        vm.addEmail();
        vm.addPhone();
        vm.addAddress();
        assertEquals("other", vm.emails().get(1).labelProperty().get());
        assertEquals("mobile", vm.phones().get(1).labelProperty().get());
        assertEquals("other", vm.addresses().get(0).labelProperty().get());
        vm.emails().get(0).labelProperty().set("work");
        vm.remove(vm.emails().get(1));
        vm.remove(vm.emails().get(0)); // the last one: emptied, back to the kind a new one has
        assertEquals(List.of("", "other"), List.of(vm.emailProperty().get(), vm.emails().get(0).labelProperty().get()));

        vm.firstNameProperty().set("Ada");
        vm.phones().get(0).valueProperty().set("+44 20 7946 0018");
        vm.addresses().get(0).localityProperty().set("London");
        vm.save();
        Contact saved = fixture.api.list(0, 10).items().get(0);
        assertEquals(List.of(new LabeledValue("+44 20 7946 0018", "mobile")), saved.phones(), "saved as shown");
        assertEquals("other", saved.addresses().get(0).label());

        vm.startEdit(saved);
        assertEquals("other", vm.emails().get(0).labelProperty().get(), "the empty row of a contact without email");
        assertFalse(vm.changedProperty().get(), "opening it is no change");
    }

    @Test
    void textTypedIntoAnEmptyRowsKindIsNotDroppedOnSave() {
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        vm.addEmail();
        vm.emails().get(1).labelProperty().set("ada@example.com"); // one Tab too far: the address went into the kind
        vm.save();
        assertTrue(fixture.api.list(0, 10).items().isEmpty(), "nothing saved");
        assertTrue(vm.emails().get(1).errorProperty().get().contains("ada@example.com"),
                vm.emails().get(1).errorProperty().get());
        assertEquals("", vm.emails().get(0).errorProperty().get(), "an empty row of the default kind is no error");

        vm.emails().get(1).valueProperty().set("ada@example.com");
        assertEquals("", vm.emails().get(1).errorProperty().get(), "corrected");
        vm.emails().get(1).labelProperty().set("home");
        vm.save();
        assertEquals(List.of(new LabeledValue("ada@example.com", "home")),
                fixture.api.list(0, 10).items().get(0).emails());
    }

    @Test
    void aRowsErrorIsShownBesideThatRow() {
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        vm.emailProperty().set("ada@example.com");
        vm.addEmail();
        vm.emails().get(1).valueProperty().set("not an email");
        vm.addAddress();
        vm.addresses().get(0).labelProperty().set("x".repeat(31));
        vm.addresses().get(0).streetProperty().set("1 Road");
        vm.save();
        assertTrue(vm.openProperty().get(), "nothing was sent");
        assertEquals("", vm.emails().get(0).errorProperty().get());
        assertFalse(vm.emails().get(1).errorProperty().get().isEmpty(), "beside the second email");
        assertFalse(vm.addresses().get(0).errorProperty().get().isEmpty(), "beside the address");
        assertEquals(0, fixture.api.list(0, 10).total());
    }

    @Test
    void anErrorGoesAsSoonAsItsFieldIsCorrectedAndTheOthersStay() {
        vm.startNew();
        vm.lastNameProperty().set("x".repeat(51));
        vm.phoneProperty().set("12");
        vm.addEmail();
        vm.emails().get(1).valueProperty().set("not an email");
        vm.emailProperty().set("ada@example.com");
        vm.addAddress();
        vm.addresses().get(0).labelProperty().set("x".repeat(31));
        vm.addresses().get(0).streetProperty().set("1 Road");
        vm.save();
        assertEquals("Required.", vm.errorProperty("first_name").get());
        assertFalse(vm.errorProperty("phone").get().isEmpty());
        assertFalse(vm.emails().get(1).errorProperty().get().isEmpty());
        assertFalse(vm.addresses().get(0).errorProperty().get().isEmpty());

        vm.firstNameProperty().set("Ada");
        vm.phoneProperty().set("+44 20 7946 0018");
        vm.emails().get(1).valueProperty().set("ada@work.example");
        vm.addresses().get(0).labelProperty().set("home");
        assertEquals("", vm.errorProperty("first_name").get(), "corrected: no longer said to be wrong");
        assertEquals("", vm.errorProperty("phone").get());
        assertEquals("", vm.emails().get(1).errorProperty().get());
        assertEquals("", vm.addresses().get(0).errorProperty().get());
        assertTrue(vm.errorProperty("last_name").get().contains("50"), "a field not touched keeps its error");
        assertEquals(0, fixture.api.list(0, 10).total(), "nothing was sent meanwhile");
    }

    @Test
    void anEditSendsOnlyWhatChangedSoAnotherClientsChangeToAnotherFieldSurvivesOverwrite() {
        Contact existing = ada();
        List<String> asked = new ArrayList<>();
        vm.setConflictQuestion(() -> {
            asked.add("asked");
            return ContactFormViewModel.Conflict.OVERWRITE;
        });
        vm.startEdit(existing);
        vm.organizationProperty().set("Analytical Engines");
        // meanwhile, another client renames her
        fixture.api.patch(existing.id(), java.util.Map.of("nickname", "Countess"), null);
        vm.save();
        assertEquals(List.of("asked"), asked, "If-Match no longer matched: 412, and the person was asked");
        assertFalse(vm.openProperty().get(), "overwritten");
        Contact saved = fixture.api.get(existing.id()).contact();
        assertEquals("Analytical Engines", saved.organization());
        assertEquals("Countess", saved.nickname(), "not sent, so not overwritten");
    }

    @Test
    void theConflictQuestionSaysWhichFieldsTheOtherChangeTouched() {
        Contact existing = ada();
        List<List<String>> asked = new ArrayList<>();
        vm.setConflictQuestion(new ContactFormViewModel.ConflictQuestion() {
            @Override
            public ContactFormViewModel.Conflict ask() {
                throw new AssertionError("asked without saying what changed");
            }

            @Override
            public ContactFormViewModel.Conflict ask(List<String> changed) {
                asked.add(changed);
                return ContactFormViewModel.Conflict.KEEP_EDITING;
            }
        });
        vm.startEdit(existing);
        vm.organizationProperty().set("Analytical Engines");
        fixture.api.patch(existing.id(), java.util.Map.of("nickname", "Countess", "additional_data", "poet's"), null);
        vm.save();
        assertEquals(List.of(List.of("Nickname", "Notes")), asked, "the other change's fields, as the form names them");
        assertTrue(vm.openProperty().get(), "kept editing");
        assertEquals("Analytical Engines", vm.organizationProperty().get());
    }

    @Test
    void aContactChangedMeanwhileCanBeReloadedOrKeptForLater() {
        Contact existing = ada();
        List<ContactFormViewModel.Conflict> answers = new ArrayList<>(List.of(
                ContactFormViewModel.Conflict.KEEP_EDITING, ContactFormViewModel.Conflict.RELOAD));
        vm.setConflictQuestion(() -> answers.remove(0));
        vm.startEdit(existing);
        vm.lastNameProperty().set("King");
        fixture.api.patch(existing.id(), java.util.Map.of("first_name", "Augusta Ada"), null);
        vm.save();
        assertTrue(vm.openProperty().get(), "kept for later");
        assertEquals("King", vm.lastNameProperty().get());
        assertTrue(vm.formErrorProperty().get().contains("changed this contact meanwhile"));
        vm.save();
        assertTrue(vm.openProperty().get(), "reloaded, still open");
        assertEquals("Augusta Ada", vm.firstNameProperty().get());
        assertEquals("Lovelace", vm.lastNameProperty().get(), "the edit was dropped, as chosen");
        assertFalse(vm.changedProperty().get());
        assertEquals("Lovelace", fixture.api.get(existing.id()).contact().lastName(), "nothing was written");
        vm.lastNameProperty().set("King");
        vm.save();
        assertEquals("King", fixture.api.get(existing.id()).contact().lastName(), "the reloaded version saves");
    }

    @Test
    void anUnchangedEditSendsNothing() {
        Contact existing = ada();
        vm.startEdit(existing);
        vm.save();
        assertFalse(vm.openProperty().get());
        assertEquals(existing.updatedAt(), fixture.api.get(existing.id()).contact().updatedAt());
    }

    private static byte[] png() throws java.io.IOException {
        return png(20, 20);
    }

    private static byte[] png(int width, int height) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A file of {@code length} bytes that takes no room (all zeros). */
    private Path sparse(String name, long length) throws java.io.IOException {
        Path file = dir.resolve(name);
        try (var out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(length);
        }
        return file;
    }

    /** A camera-like photo: noise (which JPEG cannot make small), {@code width}×{@code height}. */
    private static byte[] noise(int width, int height, String format, boolean alpha) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, alpha
                ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = random.nextInt(0x1000000);
                image.setRGB(x, y, alpha ? (x < width / 2 ? 0 : 0xFF000000) | rgb : rgb);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static java.awt.image.BufferedImage image(byte[] bytes) throws java.io.IOException {
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    }

    @Test
    void aCameraPhotoOverTheServersLimitIsScaledDownAndSaved() throws Exception {
        Path file = dir.resolve("IMG_0001.JPG");
        java.nio.file.Files.write(file, noise(2400, 1800, "jpeg", false));
        assertTrue(java.nio.file.Files.size(file) > ContactFormViewModel.PHOTO_MAX_BYTES, "the test's premise");
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        assertTrue(vm.choosePhoto(file));
        assertEquals("", vm.errorProperty("photo").get(), "no longer refused as larger than 1 MiB");
        ContactFormViewModel.ChosenPhoto chosen = vm.chosenPhotoProperty().get();
        assertNotNull(chosen);
        assertEquals("image/jpeg", chosen.contentType());
        assertTrue(chosen.bytes().length <= ContactFormViewModel.PHOTO_MAX_BYTES);
        var sent = image(chosen.bytes());
        assertEquals(512, sent.getWidth(), "the server's kept side: nothing it keeps is lost");
        assertEquals(384, sent.getHeight(), "its shape kept");
        vm.save();
        assertFalse(vm.openProperty().get(), "saved: " + vm.errorProperty("photo").get());
        assertTrue(fixture.api.list(0, 10).items().get(0).hasPhoto());
    }

    @Test
    void aLargeTransparentPngStaysAPngWithItsTransparency() throws Exception {
        Path file = dir.resolve("logo.png");
        java.nio.file.Files.write(file, noise(1200, 1200, "png", true));
        assertTrue(java.nio.file.Files.size(file) > ContactFormViewModel.PHOTO_MAX_BYTES, "the test's premise");
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        assertTrue(vm.choosePhoto(file));
        ContactFormViewModel.ChosenPhoto chosen = vm.chosenPhotoProperty().get();
        assertNotNull(chosen, vm.errorProperty("photo").get());
        assertEquals("image/png", chosen.contentType());
        var sent = image(chosen.bytes());
        assertEquals(512, sent.getWidth());
        assertEquals(0, sent.getRGB(10, 256) >>> 24, "the transparent half stays transparent");
        assertEquals(0xFF, sent.getRGB(500, 256) >>> 24);
        vm.save();
        assertTrue(fixture.api.list(0, 10).items().get(0).hasPhoto());
    }

    @Test
    void anImageWiderThanTheServerTakesIsScaledDownThoughSmallInBytes() throws Exception {
        Path file = dir.resolve("panorama.png");
        java.nio.file.Files.write(file, png(6000, 300)); // 4096 pixels a side at most, says the server
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        assertTrue(vm.choosePhoto(file));
        assertEquals(512, image(vm.chosenPhotoProperty().get().bytes()).getWidth());
        vm.save();
        assertFalse(vm.openProperty().get(), "saved, not refused: " + vm.errorProperty("photo").get());
        assertTrue(fixture.api.list(0, 10).items().get(0).hasPhoto());
    }

    @Test
    void aChosenPhotoIsSentWithTheSaveAndRemovedAgain() throws Exception {
        Path file = dir.resolve("face.png");
        java.nio.file.Files.write(file, png());
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        assertTrue(vm.choosePhoto(file));
        assertTrue(vm.changedProperty().get(), "a chosen photo is a change to keep");
        vm.save();
        Contact saved = fixture.api.list(0, 10).items().get(0);
        assertTrue(saved.hasPhoto());
        assertTrue(fixture.api.photo(saved.id()).length > 0);

        vm.startEdit(saved);
        vm.removePhoto();
        assertTrue(vm.changedProperty().get());
        vm.save();
        assertFalse(fixture.api.get(saved.id()).contact().hasPhoto());
    }

    @Test
    void aFileThatIsNoPhotoIsRefusedBesideThePhoto() throws Exception {
        Path text = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(text, "hello");
        Path big = sparse("big.jpg", ContactFormViewModel.PHOTO_FILE_MAX_BYTES + 1);
        Path noImage = dir.resolve("zeros.jpg"); // too large to send as it is, and nothing to scale down
        java.nio.file.Files.write(noImage, new byte[ContactFormViewModel.PHOTO_MAX_BYTES + 1]);
        vm.startNew();
        assertFalse(vm.choosePhoto(text));
        assertEquals("Choose a JPEG or PNG image.", vm.errorProperty("photo").get());
        assertTrue(vm.choosePhoto(big), "read first: its size is known then");
        assertEquals("The image is larger than 32 MiB.", vm.errorProperty("photo").get());
        assertNull(vm.chosenPhotoProperty().get());
        assertTrue(vm.choosePhoto(noImage));
        assertEquals(ContactFormViewModel.PHOTO_UNREADABLE, vm.errorProperty("photo").get());
        assertNull(vm.chosenPhotoProperty().get());
    }

    @Test
    void anImageTheServerCannotReadKeepsTheFormOpenOnTheSavedContact() throws Exception {
        Path misnamed = dir.resolve("face.jpg"); // a PNG sent as a JPEG: the preview shows it, the server refuses it
        java.nio.file.Files.write(misnamed, png());
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        assertTrue(vm.choosePhoto(misnamed));
        assertNotNull(vm.chosenPreviewProperty().getValue(), "the app decodes it whatever its name says");
        vm.save();
        assertTrue(vm.openProperty().get());
        assertEquals("The server could not read this image.", vm.errorProperty("photo").get());
        assertEquals(1, fixture.api.list(0, 10).total(), "the contact itself is saved");
        assertEquals("Ada", vm.editingProperty().get().firstName(), "a second Save edits it, not another one");
    }

    @Test
    void aChosenPhotoIsDecodedInTheBackgroundToTheAvatarsSide() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        form.setPhotoPreviewSide(() -> 72);
        Path file = dir.resolve("face.png");
        java.nio.file.Files.write(file, png(400, 200));
        form.startNew();
        form.firstNameProperty().set("Ada");
        background.runAll();

        assertTrue(form.choosePhoto(file));
        background.runOne(); // the file read
        assertNotNull(form.chosenPhotoProperty().get(), "chosen once read: Save sends it");
        assertNull(form.chosenPreviewProperty().getValue(), "not decoded on the calling (FX) thread");
        background.runAll();

        javafx.scene.image.Image preview = form.chosenPreviewProperty().getValue();
        assertNotNull(preview);
        assertEquals(72, preview.getHeight(), "decoded to cover the avatar, not to the file's 400 px");
        assertEquals(144, preview.getWidth());
        form.save();
        background.runAll();
        Contact saved = fixture.api.list(0, 10).items().get(0);
        assertTrue(saved.hasPhoto());
    }

    @Test
    void whileACameraPhotoIsReadAndScaledTheFormSaysSo() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        form.setPhotoPreviewSide(() -> 72);
        Path camera = dir.resolve("IMG_0002.JPG");
        java.nio.file.Files.write(camera, noise(2400, 1800, "jpeg", false));
        form.startNew();
        background.runAll();
        assertEquals("", form.photoReadingProperty().get());

        assertTrue(form.choosePhoto(camera));
        assertEquals("Reading the photo…", form.photoReadingProperty().get(), "nothing said it was being scaled");
        background.runOne(); // read and scaled
        assertEquals("", form.photoReadingProperty().get(), "read");
        assertNotNull(form.chosenPhotoProperty().get());

        // chosen over, or removed, while it is read: it is no longer said
        assertTrue(form.choosePhoto(camera));
        form.removePhoto();
        assertEquals("", form.photoReadingProperty().get());
        Path notes = dir.resolve("zeros.jpg");
        java.nio.file.Files.write(notes, new byte[ContactFormViewModel.PHOTO_MAX_BYTES + 1]);
        assertTrue(form.choosePhoto(notes));
        background.runAll();
        assertEquals("", form.photoReadingProperty().get(), "refused: the reason, not the notice, is shown");
        assertEquals(ContactFormViewModel.PHOTO_UNREADABLE, form.errorProperty("photo").get());
    }

    @Test
    void aPhotoChosenAgainBeforeTheFirstIsDecodedIsTheOneShown() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        form.setPhotoPreviewSide(() -> 72);
        Path wide = dir.resolve("wide.png");
        java.nio.file.Files.write(wide, png(400, 200));
        Path broken = dir.resolve("broken.png");
        java.nio.file.Files.write(broken, new byte[] {1, 2, 3, 4});
        Path square = dir.resolve("square.png");
        java.nio.file.Files.write(square, png(100, 100));
        form.startNew();

        assertTrue(form.choosePhoto(wide));
        assertTrue(form.choosePhoto(broken));
        assertTrue(form.choosePhoto(square));
        background.runAll();

        assertEquals(72, form.chosenPreviewProperty().getValue().getWidth(), "the square one, not the wide one");
        assertEquals("", form.errorProperty("photo").get(), "a file chosen over is not reported");
        assertNotNull(form.chosenPhotoProperty().get());
    }

    @Test
    void aFileThatIsNoImageIsDroppedWithAClearError() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        Path broken = dir.resolve("broken.png");
        java.nio.file.Files.write(broken, new byte[] {1, 2, 3, 4});
        form.startNew();
        form.firstNameProperty().set("Ada");
        background.runAll();

        assertTrue(form.choosePhoto(broken), "its bytes are known only once decoded");
        background.runAll();

        assertNull(form.chosenPhotoProperty().get(), "Save must not send it");
        assertNull(form.chosenPreviewProperty().getValue());
        assertEquals(ContactFormViewModel.PHOTO_UNREADABLE, form.errorProperty("photo").get());
        form.save();
        background.runAll();
        assertFalse(form.openProperty().get(), "the rest of the contact is saved");
        assertFalse(fixture.api.list(0, 10).items().get(0).hasPhoto());
    }

    @Test
    void aChosenFileIsReadInTheBackgroundNotOnTheCallingThread() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        form.setPhotoPreviewSide(() -> 72);
        Path file = dir.resolve("face.png");
        java.nio.file.Files.write(file, png(100, 100));
        form.startNew();
        background.runAll();

        assertTrue(form.choosePhoto(file));
        assertNull(form.chosenPhotoProperty().get(), "nothing read yet on the calling (FX) thread");
        java.nio.file.Files.write(file, png(200, 100)); // what the file holds when the background reads it
        background.runAll();

        assertEquals(png(200, 100).length, form.chosenPhotoProperty().get().bytes().length);
        assertEquals(144, form.chosenPreviewProperty().getValue().getWidth(), "200×100 covering 72×72");
    }

    @Test
    void aFileGoneBeforeItIsReadChangesNothingAndSaysSo() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        Path kept = dir.resolve("kept.png");
        java.nio.file.Files.write(kept, png(100, 100));
        Path gone = dir.resolve("gone.jpg");
        java.nio.file.Files.write(gone, png(100, 100));
        Path big = sparse("big.png", ContactFormViewModel.PHOTO_FILE_MAX_BYTES + 1);
        form.startNew();
        assertTrue(form.choosePhoto(kept));
        background.runAll();
        ContactFormViewModel.ChosenPhoto chosen = form.chosenPhotoProperty().get();
        assertNotNull(chosen);

        assertTrue(form.choosePhoto(gone));
        java.nio.file.Files.delete(gone); // e.g. a removable disk taken out
        background.runAll();
        assertEquals("The file could not be read.", form.errorProperty("photo").get());
        assertSame(chosen, form.chosenPhotoProperty().get(), "the photo chosen before stays");

        assertTrue(form.choosePhoto(big));
        background.runAll();
        assertEquals("The image is larger than 32 MiB.", form.errorProperty("photo").get());
        assertSame(chosen, form.chosenPhotoProperty().get());
        assertNotNull(form.chosenPreviewProperty().getValue());
    }

    @Test
    void aNewerChoiceWinsOverAnOlderFileStillRead() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        form.setPhotoPreviewSide(() -> 72);
        Path older = dir.resolve("older.png");
        java.nio.file.Files.write(older, png(400, 200));
        Path newer = dir.resolve("newer.png");
        java.nio.file.Files.write(newer, png(100, 100));
        Path large = dir.resolve("large.png");
        java.nio.file.Files.write(large, new byte[ContactFormViewModel.PHOTO_MAX_BYTES + 1]);
        form.startNew();
        background.runAll();

        assertTrue(form.choosePhoto(older));
        assertTrue(form.choosePhoto(large));
        assertTrue(form.choosePhoto(newer));
        assertNull(form.chosenPhotoProperty().get(), "none read yet");
        background.runNewest(); // the newer file is read first
        background.runAll(); // then the older ones, and the decode

        assertEquals(java.nio.file.Files.size(newer), form.chosenPhotoProperty().get().bytes().length);
        assertEquals(72, form.chosenPreviewProperty().getValue().getWidth(), "the square one, not the wide one");
        assertEquals("", form.errorProperty("photo").get(), "a file chosen over is not reported");
    }

    @Test
    void aFileStillReadWhenThePhotoIsRemovedOrTheFormLeftIsNotUsed() throws Exception {
        HeldBack background = new HeldBack();
        ContactFormViewModel form = new ContactFormViewModel(fixture.user, background);
        Path file = dir.resolve("face.png");
        java.nio.file.Files.write(file, png(100, 100));
        form.startNew();
        background.runAll();

        assertTrue(form.choosePhoto(file));
        form.removePhoto();
        background.runAll();
        assertNull(form.chosenPhotoProperty().get(), "removed after it was chosen: stays removed");

        assertTrue(form.choosePhoto(file));
        form.close();
        form.startNew();
        background.runAll();
        assertNull(form.chosenPhotoProperty().get(), "the new contact's form gets no photo of the one left");
        assertFalse(form.changedProperty().get());
    }
}
