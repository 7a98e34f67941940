-- Users of the platform, local or from an OpenID Connect provider, and their platform-wide roles.
CREATE TABLE users (
    id                              uuid PRIMARY KEY,
    username                        text NOT NULL,
    email                           text,
    display_name                    text NOT NULL,
    origin                          text NOT NULL,
    oidc_issuer                     text,
    oidc_subject                    text,
    password_hash                   text,
    password_change_required        boolean NOT NULL DEFAULT false,
    suspended_at                    timestamptz,
    session_epoch                   integer NOT NULL DEFAULT 0,
    second_factor_locked_until      timestamptz,
    created_at                      timestamptz NOT NULL,
    updated_at                      timestamptz NOT NULL,
    CONSTRAINT users_username_unique UNIQUE (username),
    CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
    CONSTRAINT users_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 200),
    CONSTRAINT users_email_format CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
    CONSTRAINT users_origin CHECK (origin IN ('LOCAL', 'OIDC')),
    CONSTRAINT users_local_have_passwords CHECK ((origin = 'LOCAL') = (password_hash IS NOT NULL)),
    CONSTRAINT users_oidc_have_subjects CHECK ((origin = 'OIDC') = (oidc_issuer IS NOT NULL AND oidc_subject IS NOT NULL)),
    CONSTRAINT users_oidc_subject_unique UNIQUE (oidc_issuer, oidc_subject),
    CONSTRAINT users_session_epoch CHECK (session_epoch >= 0),
    CONSTRAINT users_updated_after_created CHECK (updated_at >= created_at)
);
GRANT SELECT, INSERT, UPDATE ON users TO ${app_role};

CREATE TABLE user_roles (
    user_id     uuid NOT NULL REFERENCES users (id),
    role        text NOT NULL,
    granted_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_roles_role CHECK (role IN ('ANALYST', 'PLATFORM_ADMIN'))
);
GRANT SELECT, INSERT, DELETE ON user_roles TO ${app_role};
