package dev.tartan.ui.processor;

import dev.tartan.service.ProcessorService;
import dev.tartan.service.ProcessorService.IdentityMatchResult;
import dev.tartan.service.ProcessorService.IdentityMatchUser;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The identity match form: what the customer says about themselves, and the scores Plaid gives it. */
public final class IdentityMatchModel {

    static final String NOT_YET = "Fill in what the customer told you (any of the fields) and press Match: Plaid scores "
            + "each field against what the bank holds for this account.";

    private final ProcessorViewModel owner;
    private final ProcessorService service;
    private final StringProperty legalName = new SimpleStringProperty("");
    private final StringProperty emailAddress = new SimpleStringProperty("");
    private final StringProperty phoneNumber = new SimpleStringProperty("");
    private final StringProperty street = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty postalCode = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<IdentityMatchResult>> result = new SimpleObjectProperty<>(Outcome.empty(NOT_YET));

    IdentityMatchModel(ProcessorViewModel owner, ProcessorService service) {
        this.owner = owner;
        this.service = service;
    }

    /** A new token is open: its scores are not known; what was typed stays, to compare it with this token too. */
    void reset() {
        result.set(Outcome.empty(NOT_YET));
    }

    public void match() {
        IdentityMatchUser user = new IdentityMatchUser(legalName.get(), emailAddress.get(), phoneNumber.get(), street.get(),
                city.get(), region.get(), postalCode.get(), country.get());
        owner.run(result, "Matching the identity",
                token -> service.matchIdentity(token.profile(), token.value(), user, owner.logFor(token)), done -> { });
    }

    public void clear() {
        for (StringProperty field : fields()) {
            field.set("");
        }
        reset();
    }

    private List<StringProperty> fields() {
        return List.of(legalName, emailAddress, phoneNumber, street, city, region, postalCode, country);
    }

    public ReadOnlyObjectProperty<Outcome<IdentityMatchResult>> resultProperty() {
        return result;
    }

    public StringProperty legalNameProperty() {
        return legalName;
    }

    public StringProperty emailAddressProperty() {
        return emailAddress;
    }

    public StringProperty phoneNumberProperty() {
        return phoneNumber;
    }

    public StringProperty streetProperty() {
        return street;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty postalCodeProperty() {
        return postalCode;
    }

    public StringProperty countryProperty() {
        return country;
    }
}
