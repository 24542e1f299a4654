package dev.contacts.desktop.account;

import static dev.contacts.desktop.support.ServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesViewModelTest {

    private static final String EMAIL = "devices@example.com";

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private DevicesViewModel vm;
    private ContactsApi phone;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn(EMAIL);
        vm = new DevicesViewModel(fixture.user, Background.direct(), ZoneOffset.UTC);
        // the same account logged in on another device
        phone = new ContactsApi(() -> fixture.server.uri("127.0.0.1"), Duration.ofSeconds(30), fixture.clock);
        phone.login(EMAIL, PASSWORD);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void thisDeviceComesFirstAndMarkedAndAnotherCanBeLoggedOut() {
        vm.open();
        List<DevicesViewModel.Device> listed = List.copyOf(vm.devices());
        assertEquals(2, listed.size(), listed.toString());
        assertTrue(listed.get(0).thisDevice());
        assertEquals("This device", listed.get(0).name());
        assertFalse(listed.get(1).thisDevice());
        assertTrue(listed.get(1).loggedIn().startsWith("Logged in "), listed.get(1).toString());
        assertTrue(listed.get(1).lastActive().startsWith("Last active "), listed.get(1).toString());

        vm.logOut(listed.get(0)); // this one logs out with File → Log out, not here
        assertEquals(2, vm.devices().size());

        vm.logOut(listed.get(1));
        assertEquals(List.of(listed.get(0).id()), vm.devices().stream().map(DevicesViewModel.Device::id).toList());
        assertEquals("No other device is logged in.", vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
        // the phone's session is over: its tokens are refused and it cannot renew them
        assertThrows(ApiFailure.SessionEnded.class, phone::labels);
        fixture.api.labels(); // this device goes on
    }

    @Test
    void aDeviceLoggedOutMeanwhileIsSaidSoAndTheListReloads() {
        vm.open();
        DevicesViewModel.Device other = vm.devices().get(1);
        phone.revoke(phone.forget().orElseThrow()); // the phone logs out by itself
        vm.logOut(other);
        assertEquals("That device was logged out already.", vm.messageProperty().get());
        assertEquals(1, vm.devices().size());
        assertTrue(vm.devices().getFirst().thisDevice());
    }

    @Test
    void closingForgetsTheList() {
        vm.open();
        assertTrue(vm.showingProperty().get());
        vm.close();
        assertFalse(vm.showingProperty().get());
        assertTrue(vm.devices().isEmpty(), "nothing of this account stays for the next one");
    }
}
