package dev.marquee.backend.identity.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class DevicesIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityManagement identity;

    @Test
    void registersListsAndRemovesADevice() throws Exception {
        var user = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(user.email(), user.password()).path("accessToken").asString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());

        Reply registered = http().post(ApiPaths.DEVICES, token, json(map("name", "Laptop", "publicKey", publicKey)));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().path("keyAlgorithm").asString()).isEqualTo("EC");
        UUID id = UUID.fromString(registered.json().path("id").asString());
        assertThat(http().get(ApiPaths.DEVICES, token).json().size()).isEqualTo(1);
        assertThat(identity.findDevice(user.id(), id)).hasValueSatisfying(d -> assertThat(d.publicKey()).isEqualTo(publicKey));
        assertThat(identity.findDevice(UUID.randomUUID(), id)).isEmpty();

        assertThat(http().delete(ApiPaths.DEVICES + "/" + id, token).status()).isEqualTo(204);
        assertThat(http().get(ApiPaths.DEVICES, token).json().size()).isZero();
    }

    @Test
    void registeringTheSameKeyAgainAnswersTheExistingDevice() throws Exception {
        var user = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(user.email(), user.password()).path("accessToken").asString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        String otherKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());

        Reply first = http().post(ApiPaths.DEVICES, token, json(map("name", "Laptop", "publicKey", publicKey)));
        assertThat(first.status()).isEqualTo(201);
        Reply again = http().post(ApiPaths.DEVICES, token, json(map("name", "Laptop again", "publicKey", " " + publicKey + "\n")));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(http().get(ApiPaths.DEVICES, token).json().size()).isEqualTo(1);

        assertThat(http().post(ApiPaths.DEVICES, token, json(map("name", "Phone", "publicKey", otherKey))).status())
                .as("another key is another device").isEqualTo(201);
        var someoneElse = TestAccounts.create(context, Role.VIEWER);
        String theirToken = http().signIn(someoneElse.email(), someoneElse.password()).path("accessToken").asString();
        assertThat(http().post(ApiPaths.DEVICES, theirToken, json(map("name", "Laptop", "publicKey", publicKey))).status())
                .as("the same key on another account").isEqualTo(201);
        assertThat(http().get(ApiPaths.DEVICES, token).json().size()).isEqualTo(2);
    }

    @Test
    void refusesSomethingThatIsNotAPublicKey() {
        var user = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(user.email(), user.password()).path("accessToken").asString();

        Reply refused = http().post(ApiPaths.DEVICES, token, json(map("name", "Laptop", "publicKey", "bm90IGEga2V5")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
    }
}
