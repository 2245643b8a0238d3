// Run by gmavenplus-plugin (goal execute, phase process-test-classes) in plugin/pom.xml. Does, with Maven Central
// tools only, what maven-hpi-plugin's goals would do for a plugin build:
//   hpi:jar                       target/plugin-manifest.mf: the plugin manifest maven-jar-plugin puts in causeflow.jar
//                                 (Plugin-Dependencies derived from the POM's plugin dependencies: one source);
//   hpi:hpi (libraries)           target/hpi-lib/: the runtime libraries to bundle in WEB-INF/lib;
//   hpi:resolve-test-dependencies target/test-classes/test-dependencies/{index,<artifactId>.hpi}: every plugin on the
//                                 test class path, which jenkins-test-harness installs into each test Jenkins;
//   hpi:test-hpl                  target/test-classes/the.hpl: the plugin under test, as an exploded plugin.
// Bindings from gmavenplus: project, session, log. Layout facts: ../shared/jenkins/README.md ("test-dependencies recipe").
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.text.SimpleDateFormat
import java.util.jar.Attributes
import java.util.jar.JarFile
import java.util.jar.Manifest
import org.eclipse.aether.RepositorySystem
import org.eclipse.aether.artifact.DefaultArtifact
import org.eclipse.aether.resolution.ArtifactRequest

final List<String> PLUGIN_PACKAGINGS = ['hpi', 'jpi']

/** A plugin is a dependency whose POM says packaging hpi/jpi (or, for a reactor jar, whose manifest has Short-Name). */
def isPlugin = { a ->
    if (a.type in PLUGIN_PACKAGINGS) return true
    if (a.file == null) return false
    File pom = new File(a.file.parentFile, "${a.artifactId}-${a.baseVersion}.pom")
    if (pom.isFile()) {
        def packaging = pom.getText('UTF-8') =~ /(?s)^.*?<packaging>\s*(\w+)\s*<\/packaging>/
        return packaging.find() && packaging.group(1) in PLUGIN_PACKAGINGS
    }
    if (a.file.isFile() && a.file.name.endsWith('.jar')) {
        new JarFile(a.file).withCloseable { jar -> jar.manifest?.mainAttributes?.getValue('Short-Name') != null }
    } else {
        false
    }
}

def artifacts = project.artifacts
if (artifacts.isEmpty()) {
    throw new IllegalStateException('No resolved dependencies: jenkins-test-setup.groovy must run in a goal that resolves the test scope')
}
def plugins = artifacts.findAll { isPlugin(it) }
Set<String> pluginIds = plugins*.id as Set
def direct = artifacts.findAll { it.dependencyTrail?.size() == 2 }

// ---- Plugin-Dependencies: direct compile/runtime plugin dependencies, in the POM's declaration order.
def declared = project.dependencies.collect { "${it.groupId}:${it.artifactId}" }
def pluginDependencies = direct.findAll { it.id in pluginIds && it.scope in ['compile', 'runtime'] }
        .sort { declared.indexOf("${it.groupId}:${it.artifactId}".toString()) }
        .collect { "${it.artifactId}:${it.version}" + (it.optional ? ';resolution:=optional' : '') }

// ---- Plugin-Version and Implementation-Build: a snapshot names its commit, or, outside git, when it was built.
String gitSha = null
if (new File(session.executionRootDirectory, '.git').exists()) {
    try {
        def git = ['git', 'rev-parse', 'HEAD'].execute(null, project.basedir)
        String out = git.text.trim()
        if (git.waitFor() == 0 && out ==~ /[0-9a-f]{40}/) gitSha = out
    } catch (IOException noGit) {
        log.info("git is not available (${noGit.message}): the manifest names the build time instead of a commit")
    }
}
String pluginVersion = project.version
if (project.version.endsWith('-SNAPSHOT')) {
    String what = gitSha ? gitSha.substring(0, 8) : new SimpleDateFormat("yyyyMMdd'T'HHmm").format(new Date())
    pluginVersion = "${project.version} (private-${what}-${System.getProperty('user.name')})"
}

// ---- The manifest (attributes in the order maven-hpi-plugin's AbstractJenkinsManifestMojo writes them).
def core = artifacts.find { it.groupId == 'org.jenkins-ci.main' && it.artifactId == 'jenkins-core' }
Manifest manifest = new Manifest()
Attributes main = manifest.mainAttributes
main.putValue('Manifest-Version', '1.0')
main.putValue('Group-Id', project.groupId)
main.putValue('Artifact-Id', project.artifactId)
main.putValue('Short-Name', project.artifactId)
main.putValue('Long-Name', project.name)
main.putValue('Url', project.url)
main.putValue('Plugin-Version', pluginVersion)
main.putValue('Hudson-Version', core.version)
main.putValue('Jenkins-Version', core.version)
main.putValue('Plugin-Dependencies', pluginDependencies.join(','))
main.putValue('Plugin-Developers', project.developers.collect { "${it.name ?: ''}:${it.id ?: ''}:${it.email ?: ''}" }.join(','))
if (project.licenses) {
    main.putValue('Plugin-License-Name', project.licenses[0].name)
    main.putValue('Plugin-License-Url', project.licenses[0].url)
}
main.putValue('Plugin-ScmConnection', project.scm.connection)
main.putValue('Plugin-ScmTag', project.scm.tag)
main.putValue('Plugin-ScmUrl', project.scm.url)
main.putValue('Specification-Title', project.name)
// major.minor, as maven-archiver's default specification entries write it
main.putValue('Specification-Version', project.version.replace('-SNAPSHOT', '').tokenize('.').take(2).join('.'))
main.putValue('Implementation-Title', project.name)
main.putValue('Implementation-Version', project.version)
if (gitSha) main.putValue('Implementation-Build', gitSha)
new File(project.build.directory, 'plugin-manifest.mf').withOutputStream { manifest.write(it) }

// ---- Libraries to bundle: runtime jars that neither core nor a plugin we depend on provides.
def directScope = direct.collectEntries { [(it.id): it.scope] }
def bundled = artifacts.findAll { a ->
    if (a.id in pluginIds || a.optional || !(a.scope in ['compile', 'runtime'])) return false
    def trail = a.dependencyTrail ?: []
    if (trail.size() >= 2 && (trail[1] in pluginIds || !(directScope[trail[1]] in ['compile', 'runtime']))) return false
    return !trail.any { it.contains(':jenkins-core:') }
}
File libDir = new File(project.build.directory, 'hpi-lib')
libDir.deleteDir()
libDir.mkdirs()
bundled.each { Files.copy(it.file.toPath(), new File(libDir, "${it.artifactId}-${it.version}.jar").toPath()) }
log.info("bundled libraries: ${bundled*.artifactId.join(' ') ?: 'none'}")

// ---- test-dependencies/: the .hpi of every plugin on the test class path, resolved with the jar's coordinates.
RepositorySystem repositorySystem = session.container.lookup(RepositorySystem)
File testDependencies = new File(project.build.testOutputDirectory, 'test-dependencies')
testDependencies.deleteDir()
testDependencies.mkdirs()
def index = plugins.sort { it.artifactId }.collect { a ->
    def request = new ArtifactRequest(new DefaultArtifact(a.groupId, a.artifactId, '', 'hpi', a.version),
            project.remoteProjectRepositories, null)
    File hpi = repositorySystem.resolveArtifact(session.repositorySession, request).artifact.file
    Files.copy(hpi.toPath(), new File(testDependencies, "${a.artifactId}.hpi").toPath(), StandardCopyOption.REPLACE_EXISTING)
    a.artifactId
}
new File(testDependencies, 'index').setText(index.collect { it + '\n' }.join(''), 'UTF-8')
log.info("test-dependencies: ${index.size()} plugins")

// ---- the.hpl: the same manifest, plus where the exploded plugin's classes, resources and libraries are.
def libraries = project.build.resources.collect { new File(it.directory) }.findAll { it.exists() }*.path
libraries << project.build.outputDirectory
libraries.addAll(bundled*.file*.path)
main.putValue('Libraries', libraries.join(','))
main.putValue('Resource-Path', new File(project.basedir, 'src/main/webapp').absolutePath)
new File(project.build.testOutputDirectory, 'the.hpl').withOutputStream { manifest.write(it) }
log.info("the.hpl: Plugin-Dependencies ${pluginDependencies.join(',')}")
