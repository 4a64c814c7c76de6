package io.isthmus.connect.opcua;

/**
 * A user name and password for a UserNameIdentityToken (OPC UA Part 4, 7.36.4). The password never
 * appears in {@link #toString()}, so logging a configuration does not leak it.
 */
public record UserCredentials(String username, String password) {
    public UserCredentials {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (password == null) {
            throw new IllegalArgumentException("password of user '" + username + "' must not be null");
        }
    }

    @Override
    public String toString() {
        return "UserCredentials[username=" + username + ", password=***]";
    }
}
