// Writes ${e2e.pluginsDirectory}/<artifactId>.hpi for every plugin among this module's provided dependencies
// (direct and transitive), resolved by Maven from the configured repositories (the kit, or repo.jenkins-ci.org).
// A dependency counts as a plugin when it is an .hpi itself or its jar carries a plugin manifest (Short-Name).
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.util.jar.JarFile
import org.eclipse.aether.RepositorySystem
import org.eclipse.aether.artifact.DefaultArtifact
import org.eclipse.aether.resolution.ArtifactRequest

File target = new File(project.properties['e2e.pluginsDirectory'])
target.deleteDir()
target.mkdirs()

boolean isPlugin(def artifact) {
    if (artifact.type == 'hpi' || artifact.type == 'jpi') {
        return true
    }
    if (artifact.type != 'jar' || artifact.file == null || !artifact.file.name.endsWith('.jar')) {
        return false
    }
    new JarFile(artifact.file).withCloseable { jar ->
        jar.manifest?.mainAttributes?.getValue('Short-Name') != null
    }
}

RepositorySystem repositorySystem = session.container.lookup(RepositorySystem)
def plugins = project.artifacts.findAll { it.scope == 'provided' && isPlugin(it) }
plugins.each { artifact ->
    File hpi = artifact.type == 'hpi' ? artifact.file : repositorySystem.resolveArtifact(session.repositorySession,
            new ArtifactRequest(new DefaultArtifact(artifact.groupId, artifact.artifactId, '', 'hpi', artifact.version),
                    project.remoteProjectRepositories, null)).artifact.file
    Files.copy(hpi.toPath(), new File(target, artifact.artifactId + '.hpi').toPath(), StandardCopyOption.REPLACE_EXISTING)
}
log.info("Jenkins plugins for the end-to-end suite: ${plugins.size()} .hpi files in ${target}")
