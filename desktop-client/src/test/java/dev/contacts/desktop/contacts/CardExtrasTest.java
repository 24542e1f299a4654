package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.contacts.CardExtras.Extra;
import dev.contacts.desktop.contacts.CardExtras.Kind;
import dev.contacts.desktop.support.HeldBack;
import dev.contacts.desktop.support.HeldPause;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values a contact's card keeps beyond the app's fields, as the detail pane gets them from the view model. */
class CardExtrasTest {

    /** A card as Apple Contacts exports it (vCard 3.0): a home page and a work site, chat, dates, a spouse. */
    static final String APPLE_CARD = """
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//macOS 14.5//EN
            N:Lee;Ann;;;
            FN:Ann Lee
            item1.EMAIL;type=INTERNET;type=pref:ann@globex.example
            item1.X-ABLabel:School
            item2.URL;type=pref:https://ann.example
            item2.X-ABLabel:_$!<HomePage>!$_
            URL;type=WORK:https://globex.example/ann
            IMPP;X-SERVICE-TYPE=Jabber;type=HOME;type=pref:xmpp:ann@jabber.example
            item3.X-ABDATE;type=pref:2010-06-01
            item3.X-ABLabel:_$!<Anniversary>!$_
            item4.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-09-15
            item4.X-ABLabel:Graduation
            item5.X-ABRELATEDNAMES;type=pref:Bob Lee
            item5.X-ABLabel:_$!<Spouse>!$_
            X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson
            UID:A1B2C3D4-0000-4000-8000-APPLE0000009
            END:VCARD
            """.replace("\n", "\r\n");

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private ContactFormViewModel form;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("extras@example.com");
        form = new ContactFormViewModel(fixture.user, Background.direct());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Contact imported(String vcard) {
        fixture.api.importFile(vcard.getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD, StandardCharsets.UTF_8);
        return fixture.api.list(0, 10).items().getFirst();
    }

    @Test
    void anAppleCardsWebSitesChatDatesAndSpouseAreShownForItsContact() {
        Contact ann = imported(APPLE_CARD);
        ContactsViewModel vm = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(ann);
        assertEquals(List.of(
                new Extra(Kind.WEB_SITE, "home page", "https://ann.example", null),
                new Extra(Kind.WEB_SITE, "work", "https://globex.example/ann", null),
                new Extra(Kind.CHAT, "Jabber (home)", "ann@jabber.example", null),
                new Extra(Kind.ANNIVERSARY, "", "2010-06-01", LocalDate.of(2010, 6, 1)),
                new Extra(Kind.DATE, "Graduation", "1604-09-15", LocalDate.of(ContactRules.YEAR_UNKNOWN, 9, 15)),
                new Extra(Kind.RELATED, "spouse", "Bob Lee", null)), vm.cardExtras().shown());
        assertEquals("https://ann.example", vm.cardExtras().shown().getFirst().link());
        assertNull(vm.cardExtras().shown().get(2).link(), "a chat address is no web page");

        vm.show(null);
        assertTrue(vm.cardExtras().shown().isEmpty(), "nothing selected, nothing shown");
    }

    @Test
    void aNamesTitleAndSuffixAreShownWithTheNameAsTheCardWritesIt() {
        // Outlook's Title and Suffix: no field holds them, the server keeps them in the card's N and FN
        Contact sam = imported("""
                BEGIN:VCARD
                VERSION:2.1
                N:Smith;Sam;Lee;Mr.;Jr.
                FN:Mr. Sam Lee Smith Jr.
                END:VCARD
                """.replace("\n", "\r\n"));
        assertEquals("Sam Lee", sam.firstName(), "the contract's first name: the given name, the middle one joined");
        ContactsViewModel vm = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(sam);
        assertEquals(List.of(new Extra(Kind.FULL_NAME, "", "Mr. Sam Lee Smith Jr.", null)), vm.cardExtras().shown());

        imported("""
                BEGIN:VCARD
                VERSION:3.0
                N:Ek;Bo;;;
                FN:Bo Ek
                END:VCARD
                """.replace("\n", "\r\n"));
        Contact plain = fixture.api.list(0, 10).items().stream().filter(c -> c.firstName().equals("Bo")).findFirst()
                .orElseThrow();
        vm.show(plain);
        assertTrue(vm.cardExtras().shown().isEmpty(), "no title: the name the app has says it all");
    }

    @Test
    void aChatAddressSaysItsServiceFromTheUriWhenTheCardNamesNone() {
        Contact bo = imported("""
                BEGIN:VCARD
                VERSION:4.0
                FN:Bo Ek
                N:Ek;Bo;;;
                IMPP;TYPE=home:xmpp:bo@jabber.example
                IMPP:skype:bo.ek
                IMPP:sip:bo@voip.example
                IMPP;X-SERVICE-TYPE=Skype;TYPE=work:skype:bo.work
                END:VCARD
                """.replace("\n", "\r\n"));
        ContactsViewModel vm = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(bo);
        assertEquals(List.of(
                new Extra(Kind.CHAT, "XMPP (home)", "bo@jabber.example", null),
                new Extra(Kind.CHAT, "Skype", "bo.ek", null),
                new Extra(Kind.CHAT, "SIP", "bo@voip.example", null),
                new Extra(Kind.CHAT, "Skype (work)", "bo.work", null)), vm.cardExtras().shown());
        vm.show(null);
        assertTrue(vm.cardExtras().shown().isEmpty(), "nothing selected, nothing shown");
    }

    @Test
    void anEvolutionOrKAddressBookCardsAnniversarySpouseManagerAndBlogAreShown() {
        // GNOME Contacts / Evolution (EVCard 3.0) and KDE's KAddressBook keep these in properties of their own
        String evolution = """
                BEGIN:VCARD
                VERSION:3.0
                N:Kowalska;Joanna;;;
                FN:Joanna Kowalska
                EMAIL;TYPE=HOME:asia@example.pl
                X-EVOLUTION-FILE-AS:Kowalska\\, Joanna
                X-EVOLUTION-ANNIVERSARY:2014-05-10
                X-EVOLUTION-SPOUSE:Piotr
                X-EVOLUTION-MANAGER:Ewa Nowak
                X-EVOLUTION-BLOG-URL:https://asia.example.pl/blog
                END:VCARD
                """.replace("\n", "\r\n");
        String kde = """
                BEGIN:VCARD
                VERSION:3.0
                N:Weber;Jonas;;;
                FN:Jonas Weber
                X-KADDRESSBOOK-X-Anniversary:2020-11-11
                X-KADDRESSBOOK-X-SpousesName:Lea
                X-KADDRESSBOOK-BlogFeed:https://jonas.example.de/feed
                END:VCARD
                """.replace("\n", "\r\n");
        assertEquals(List.of(
                new Extra(Kind.WEB_SITE, "blog", "https://asia.example.pl/blog", null),
                new Extra(Kind.ANNIVERSARY, "", "2014-05-10", LocalDate.of(2014, 5, 10)),
                new Extra(Kind.RELATED, "spouse", "Piotr", null),
                new Extra(Kind.RELATED, "manager", "Ewa Nowak", null)), shownFor(imported(evolution)));
        fixture.api.delete(fixture.api.list(0, 10).items().getFirst().id());
        assertEquals(List.of(
                new Extra(Kind.WEB_SITE, "blog", "https://jonas.example.de/feed", null),
                new Extra(Kind.ANNIVERSARY, "", "2020-11-11", LocalDate.of(2020, 11, 11)),
                new Extra(Kind.RELATED, "spouse", "Lea", null)), shownFor(imported(kde)));
    }

    @Test
    void anOutlookCardsAnniversarySpouseManagerAssistantAndImAddressAreShown() {
        // as Outlook's "Save as vCard" writes them (2.1; the relations with an empty N parameter)
        String outlook = """
                BEGIN:VCARD
                VERSION:2.1
                N;LANGUAGE=de:Müller;Hans-Peter;;Dr.;
                FN:Dr. Hans-Peter Müller
                EMAIL;PREF;INTERNET:hp.mueller@example.de
                X-MS-OL-DEFAULT-POSTAL-ADDRESS:2
                X-MS-IMADDRESS:hpmueller@jabber.example.de
                X-MS-ANNIVERSARY:19920815
                X-MS-SPOUSE;N:Jürgen
                X-MS-MANAGER;N:Frau Huber
                X-MS-ASSISTANT;N:Kai
                END:VCARD
                """.replace("\n", "\r\n");
        assertEquals(List.of(
                new Extra(Kind.FULL_NAME, "", "Dr. Hans-Peter Müller", null),
                new Extra(Kind.CHAT, "", "hpmueller@jabber.example.de", null),
                new Extra(Kind.ANNIVERSARY, "", "1992-08-15", LocalDate.of(1992, 8, 15)),
                new Extra(Kind.RELATED, "spouse", "Jürgen", null),
                new Extra(Kind.RELATED, "manager", "Frau Huber", null),
                new Extra(Kind.RELATED, "assistant", "Kai", null)), shownFor(imported(outlook)));
    }

    private List<Extra> shownFor(Contact contact) {
        ContactsViewModel vm = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(contact);
        return List.copyOf(vm.cardExtras().shown());
    }

    @Test
    void aContactWithoutSuchValuesShowsNoneAndItsEmailIsNoneOfThem() {
        Contact grace = fixture.api.create(new ContactDraft("Grace", "Hopper", "grace@navy.example", null, null,
                null));
        ContactsViewModel vm = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(grace);
        assertEquals(List.of(), vm.cardExtras().shown());
    }

    @Test
    void theAnswerForAContactNoLongerShownIsNotShownForTheNextOne() {
        Contact ann = imported(APPLE_CARD);
        Contact grace = fixture.api.create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        HeldBack held = new HeldBack();
        ContactsViewModel vm = new ContactsViewModel(fixture.user, held,
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(ann);
        vm.show(grace);
        held.runOne(); // Ann's card comes back while Grace is shown
        assertEquals(List.of(), vm.cardExtras().shown());
        vm.show(ann); // read once: shown at once when she is selected again
        assertEquals(6, vm.cardExtras().shown().size());
    }

    @Test
    void aCardThatCannotBeReadShowsNothingMoreAndNoError() {
        Contact ann = imported(APPLE_CARD);
        HeldBack held = new HeldBack();
        ContactsViewModel vm = new ContactsViewModel(fixture.user, held,
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(ann);
        fixture.server.stop(); // the server went away while the card was asked for
        held.runAll();
        assertEquals(List.of(), vm.cardExtras().shown());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aCardReadForOneLoginIsNotShownAfterItsLogOut() {
        Contact ann = imported(APPLE_CARD);
        HeldBack held = new HeldBack();
        Session session = new Session(fixture.api, held);
        ContactsApi client = session.clientFor("extras@example.com");
        client.login("extras@example.com", ServerFixture.PASSWORD);
        UserSession user = session.loggedIn("extras@example.com", client);
        ContactsViewModel vm = new ContactsViewModel(user, user.background(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        vm.show(ann);
        session.logOut();
        held.runAll();
        assertEquals(List.of(), vm.cardExtras().shown());
    }
    @Test
    void arrowingDownTheListAsksOnlyForTheCardOfTheContactTheSelectionRestsOn() {
        try (ServerFixture counted = ServerFixture.counted(dir.resolve("counted")).loggedIn("rows@example.com")) {
            List<Contact> passed = new java.util.ArrayList<>();
            for (String name : List.of("Ada", "Ben", "Cy", "Dee")) {
                passed.add(counted.api.create(new ContactDraft(name, "Row", null, null, null, null)));
            }
            counted.api.importFile(APPLE_CARD.getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                    StandardCharsets.UTF_8);
            Contact ann = counted.api.list("Ann", ContactsApi.Filter.ALL, ContactsApi.SortBy.LAST_NAME, false, 0,
                    10).items().getFirst();
            HeldPause rest = new HeldPause();
            ContactsViewModel vm = new ContactsViewModel(counted.user, Background.direct(), Debouncer.immediate(),
                    rest, new ContactFormViewModel(counted.user, Background.direct()));

            passed.forEach(vm::show); // a row after the other, as a held arrow key passes them
            vm.show(ann);
            assertEquals(0, counted.requests.count("GET /contacts/export/"), "no card asked for while moving");
            assertEquals(List.of(), vm.cardExtras().shown());

            rest.pause();
            assertEquals(1, counted.requests.count("GET /contacts/export/"), "only the card of the row rested on");
            assertEquals(6, vm.cardExtras().shown().size());

            vm.show(passed.getFirst());
            vm.show(ann); // read already: shown at once, without waiting or asking again
            assertEquals(6, vm.cardExtras().shown().size());
            rest.pause();
            assertEquals(1, counted.requests.count("GET /contacts/export/"));
        }
    }

    @Test
    void aContactLeftBeforeTheSelectionRestedIsNotAskedForNorShown() {
        try (ServerFixture counted = ServerFixture.counted(dir.resolve("counted")).loggedIn("rows@example.com")) {
            counted.api.importFile(APPLE_CARD.getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                    StandardCharsets.UTF_8);
            Contact ann = counted.api.list(0, 10).items().getFirst();
            HeldPause rest = new HeldPause();
            ContactsViewModel vm = new ContactsViewModel(counted.user, Background.direct(), Debouncer.immediate(),
                    rest, new ContactFormViewModel(counted.user, Background.direct()));
            vm.show(ann);
            vm.show(null); // the selection went (a search that matches nobody) before it rested
            rest.pause();
            assertEquals(0, counted.requests.count("GET /contacts/export/"));
            assertEquals(List.of(), vm.cardExtras().shown());
        }
    }

    @Test
    void aCardNotAskedForBeforeTheLogOutIsNotAskedForAfterIt() {
        try (ServerFixture counted = ServerFixture.counted(dir.resolve("counted"))) {
            counted.api.register("leaving@example.com", ServerFixture.PASSWORD);
            ContactsApi client = counted.session.clientFor("leaving@example.com");
            client.login("leaving@example.com", ServerFixture.PASSWORD);
            client.importFile(APPLE_CARD.getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                    StandardCharsets.UTF_8);
            Contact ann = client.list(0, 10).items().getFirst();
            UserSession user = counted.session.loggedIn("leaving@example.com", client);
            HeldPause rest = new HeldPause();
            ContactsViewModel vm = new ContactsViewModel(user, user.background(), Debouncer.immediate(), rest,
                    new ContactFormViewModel(user, user.background()));
            vm.show(ann);
            counted.session.logOut(); // before the selection rested
            rest.pause();
            assertEquals(0, counted.requests.count("GET /contacts/export/"));
            assertEquals(List.of(), vm.cardExtras().shown());
            assertEquals(Session.Screen.LOGIN, counted.session.screenProperty().get(), "and no trip anywhere else");
        }
    }

    @Test
    void aCardOnItsWayIsNotAskedForAgainAndShowsWhenItsContactIsSelectedAgain() {
        try (ServerFixture counted = ServerFixture.counted(dir.resolve("counted")).loggedIn("back@example.com")) {
            counted.api.importFile(APPLE_CARD.getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                    StandardCharsets.UTF_8);
            Contact ann = counted.api.list(0, 10).items().getFirst();
            Contact grace = counted.api.create(new ContactDraft("Grace", "Hopper", null, null, null, null));
            HeldBack held = new HeldBack();
            HeldPause rest = new HeldPause();
            ContactsViewModel vm = new ContactsViewModel(counted.user, held, Debouncer.immediate(), rest,
                    new ContactFormViewModel(counted.user, held));
            vm.show(ann);
            rest.pause(); // Ann's card is asked for
            vm.show(grace);
            vm.show(ann); // back on Ann while her card is still on its way
            rest.pause();
            held.runAll();
            assertEquals(6, vm.cardExtras().shown().size());
            assertEquals(1, counted.requests.count("GET /contacts/export/"), "one request for her card");
        }
    }
}
