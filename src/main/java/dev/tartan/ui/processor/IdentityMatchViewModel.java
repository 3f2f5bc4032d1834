package dev.tartan.ui.processor;

import dev.tartan.model.IdentityMatchResult;
import dev.tartan.service.ProcessorAccountService.IdentityMatchUser;
import dev.tartan.service.ProcessorAccountService;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The identity match form: what the customer says about themselves, and the scores Plaid gives it. */
public final class IdentityMatchViewModel {

    static final String NOT_YET = "Fill in what the customer told you (any of the fields) and press Match: Plaid scores "
            + "each field against what the bank holds for this account.";

    /** What the customer says about themselves; blank fields are left out of the match. */
    public record Fields(StringProperty legalName, StringProperty emailAddress, StringProperty phoneNumber, StringProperty street,
                         StringProperty city, StringProperty region, StringProperty postalCode, StringProperty country) {

        private Fields() {
            this(text(), text(), text(), text(), text(), text(), text(), text());
        }

        private static StringProperty text() {
            return new SimpleStringProperty("");
        }

        private List<StringProperty> all() {
            return List.of(legalName, emailAddress, phoneNumber, street, city, region, postalCode, country);
        }
    }

    private final ProcessorViewModel owner;
    private final ProcessorAccountService service;
    private final Fields fields = new Fields();
    private final ObjectProperty<Outcome<IdentityMatchResult>> result = new SimpleObjectProperty<>(Outcome.empty(NOT_YET));

    IdentityMatchViewModel(ProcessorViewModel owner, ProcessorAccountService service) {
        this.owner = owner;
        this.service = service;
    }

    /** A new token is open: its scores are not known; what was typed stays, to compare it with this token too. */
    void reset() {
        result.set(Outcome.empty(NOT_YET));
    }

    public void match() {
        IdentityMatchUser user = new IdentityMatchUser(fields.legalName().get(), fields.emailAddress().get(), fields.phoneNumber().get(),
                fields.street().get(), fields.city().get(), fields.region().get(), fields.postalCode().get(), fields.country().get());
        owner.run(result, "Matching the identity",
                (token, log) -> service.matchIdentity(token.profile(), token.value(), user, log), done -> { });
    }

    public void clear() {
        fields.all().forEach(field -> field.set(""));
        reset();
    }

    /** The form's fields. */
    public Fields fields() {
        return fields;
    }

    public ReadOnlyObjectProperty<Outcome<IdentityMatchResult>> resultProperty() {
        return result;
    }
}
