package com.checkupflow.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

import com.checkupflow.security.CurrentUser;
import com.checkupflow.security.EngineIdentity;

/**
 * {@link EngineIdentity} on Camunda's identity service (passwords, group and tenant memberships). A successful
 * check is remembered for {@link #REMEMBER} (by a salted digest of the password, never the password itself), so
 * that an integrated system posting back to back costs three engine queries per {@code REMEMBER}, not per request.
 * Wrong passwords are never remembered: each one reaches the engine and its login throttling. A changed password,
 * group or tenant membership takes effect within {@code REMEMBER}.
 */
@Component
class CamundaEngineIdentity implements EngineIdentity {

    static final Duration REMEMBER = Duration.ofSeconds(10);
    /** More users than the centers have staff; past it the memory starts afresh instead of growing. */
    static final int MAX_REMEMBERED = 10_000;

    private final IdentityService identity;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(byte[] digest, CurrentUser user, long until) {
    }

    CamundaEngineIdentity(IdentityService identity) {
        this.identity = identity;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Optional<CurrentUser> authenticate(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null) {
            return Optional.empty();
        }
        byte[] digest = digest(userId, password);
        long now = System.nanoTime();
        Remembered known = remembered.get(userId);
        if (known != null && now - known.until() < 0 && MessageDigest.isEqual(known.digest(), digest)) {
            return Optional.of(known.user());
        }
        if (!identity.checkPassword(userId, password)) {
            remembered.remove(userId);
            return Optional.empty();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).collect(Collectors.toSet());
        CurrentUser user = new CurrentUser(userId, groups, tenants);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(userId, new Remembered(digest, user, now + REMEMBER.toNanos()));
        return Optional.of(user);
    }

    @Override
    public void bind(CurrentUser user) {
        identity.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()));
    }

    @Override
    public void unbind() {
        identity.clearAuthentication();
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(userId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
