package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.AppWindow;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.HeldBack;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.desktop.ui.Debouncer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** The toolbar over the list keeps the search field and its buttons whole, whatever the status says. */
class ToolbarFlowTest extends UiTestBase {

    @Test
    void aLongStatusNeverSqueezesTheSearchFieldAtTheSmallestWidth() {
        registerAndLogIn(robot, "toolbar@example.com");
        StringBuilder vcf = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            vcf.append(String.format("BEGIN:VCARD\r\nVERSION:4.0\r\nN:Jones%04d;P%d;;;\r\nFN:P%d Jones%04d\r\n"
                    + "END:VCARD\r\n", i, i, i, i));
        }
        userApi().importFile(vcf.toString().getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                StandardCharsets.UTF_8);
        // an address book whose server answers are held back: what it shows while a delete of everyone runs,
        // laid out at the window's smallest width
        HeldBack held = new HeldBack();
        ContactsView view = Fx.call(() -> {
            ContactFormViewModel form = new ContactFormViewModel(window.mainView().user(), held);
            ContactsViewModel vm = new ContactsViewModel(window.mainView().user(), held,
                    Debouncer.immediate(), Debouncer.immediate(), form);
            ContactsView contacts = new ContactsView(vm, link -> { }, () -> { }, () -> { }, () -> { });
            contacts.setMaxWidth(AppWindow.MIN_WIDTH);
            contacts.setStyle("-fx-background-color: -color-bg-default;"); // (opaque over the window's own view)
            window.mainView().getChildren().add(contacts);
            vm.refresh();
            held.runAll();
            vm.selectEveryone();
            vm.deleteSelection();
            return contacts;
        });
        Label summary = (Label) Fx.call(() -> view.lookup("#summary"));
        waitUntil("the delete is under way", () -> summary.getText().equals("Deleting 1,500 contacts…"));
        Fx.run(() -> view.applyCss());
        Fx.run(() -> view.layout());
        Screenshots.save(window.scene(), "toolbar-deleting-1500");

        TextField search = (TextField) Fx.call(() -> view.lookup("#search"));
        assertEquals(Fx.call(() -> search.prefWidth(-1)), Fx.call(search::getWidth), 0.5,
                "the search field keeps its width");
        Label selected = (Label) Fx.call(() -> view.lookup("#selection-summary"));
        assertEquals("1,500 selected", Fx.call(selected::getText));
        for (Label status : new Label[] {summary, selected}) {
            assertTrue(Fx.call(() -> status.getWidth() >= status.prefWidth(-1) - 0.5),
                    "\"" + Fx.call(status::getText) + "\" is shown whole at the smallest width");
        }
        for (String id : new String[] {"#delete", "#new-contact", "#refresh", "#sort"}) {
            var control = Fx.call(() -> view.lookup(id));
            assertTrue(Fx.call(() -> control.getLayoutBounds().getWidth() >= control.prefWidth(-1) - 0.5),
                    id + " is cut off");
        }
        Button delete = (Button) Fx.call(() -> view.lookup("#delete"));
        assertEquals("Delete 1,500", Fx.call(delete::getText));

        Fx.run(held::runAll);
        waitUntil("deleted", () -> summary.getText().equals("0 contacts"));
        Fx.run(() -> window.mainView().getChildren().remove(view));
    }
}
