package io.ticketrouter.interfaces.security;

import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.Identity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Optional;

/** Users of the ticket database, passwords checked against their PBKDF2 hash ({@link AccountService#verify}). */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Identity> identity =
                accounts.verify(up.getCaller(), up.getPassword().getValue());
        return identity.map(i -> new CredentialValidationResult(
                        i.username(), new HashSet<>(i.role().groups())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
