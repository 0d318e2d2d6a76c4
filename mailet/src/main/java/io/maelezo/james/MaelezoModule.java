package io.maelezo.james;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.maelezo.engine.classify.Classifier;

/**
 * The Guice module James loads from {@code extensions.properties}
 * ({@code guice.extension.module=io.maelezo.james.MaelezoModule}): the knowledge (code tables,
 * patterns, blocklist operators) is loaded once and shared by the mailets.
 */
public class MaelezoModule extends AbstractModule {
    @Provides
    @Singleton
    Classifier classifier() {
        return Classifier.standard();
    }
}
