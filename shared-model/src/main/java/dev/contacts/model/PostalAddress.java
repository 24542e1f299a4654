package dev.contacts.model;

import java.util.stream.Stream;

/** A postal address; every part is optional, but an address has at least one. */
public record PostalAddress(String label,
                            String street,
                            String locality,
                            String region,
                            String postalCode,
                            String country) {

    /** The parts that make up the address itself (not its label), in wire order. */
    public Stream<String> parts() {
        return Stream.of(street, locality, region, postalCode, country);
    }
}
