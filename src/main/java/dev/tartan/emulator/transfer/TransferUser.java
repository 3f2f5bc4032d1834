package dev.tartan.emulator.transfer;

/** The account holder a transfer names: Plaid's {@code user} object. */
record TransferUser(String legalName, String phoneNumber, String emailAddress, Address address) {

    record Address(String street, String city, String region, String postalCode, String country) {
    }
}
