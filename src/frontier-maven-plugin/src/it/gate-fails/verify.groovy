// The cost gate failed: the build failed with the gate's evidence, and the run's files were still published.
def frontier = new File(basedir, 'target/frontier')
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('BUILD FAILURE')
assert log.contains('frontier run failed:')
assert log =~ /failed +costPer1kRequests <= 0\.0001 \(nova-lite\): costPer1kRequests of nova-lite is [0-9.]+ > maximum 0\.0001/
assert log.contains('gates FAILED: 1 passed, 1 failed, 0 skipped')
// the failure is the gate's, not an error of the plugin or of frontier
assert !log.contains('invalid input (exit 2)')
assert !log.contains('(exit 3)')

def results = new groovy.json.JsonSlurper().parse(new File(frontier, 'results.json'))
assert results.suite == 'it-gate-fails'
assert new File(frontier, "reports/it-gate-fails/${results.runId}/report.html").isFile()

def junit = new groovy.xml.XmlSlurper().parse(new File(frontier, 'junit/TEST-frontier-it-gate-fails.xml'))
assert junit.@tests.text() == '2'
assert junit.@failures.text() == '1'
assert junit.testcase.find { it.@name.text().startsWith('costPer1kRequests') }.failure.@message.text()
        .contains('> maximum 0.0001')

// the command is logged as run, <arguments> last
assert log =~ /\[INFO\] frontier run \S+suite\.yaml --progress plain --gate --sandbox --store \S+frontier\.db --reports \S+reports --sandbox-time-scale 0\n/
