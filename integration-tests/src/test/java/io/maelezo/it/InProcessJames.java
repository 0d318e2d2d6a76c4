package io.maelezo.it;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;

/** A real James 3.8.1 memory server in this JVM, one per test class, configured as {@link JamesEnvironment} writes it. */
final class InProcessJames {
    private InProcessJames() {
    }

    /**
     * @param webadminPort 0: no web admin
     * @param overlay      what the test changes in config/mailetcontainer.xml (the rejecting server, maybe parameters)
     */
    static JamesServerExtension extension(int webadminPort, TestOverlay overlay) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(workingDirectory -> {
            JamesEnvironment.write(workingDirectory.toPath(), 0, 0, webadminPort, JamesEnvironment.Maelezo.INSTALLED, overlay);
            return MemoryJamesConfiguration.builder()
                .workingDirectory(workingDirectory)
                .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
                .build();
        })
            .server(MemoryJamesServerMain::createServer)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }
}
