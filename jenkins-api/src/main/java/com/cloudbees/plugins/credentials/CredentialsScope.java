package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Where a credential may be used. */
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException();
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException();
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException();
        }
    };

    public abstract String getDisplayName();
}
