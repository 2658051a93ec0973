// The gates passed: the store, a report folder with the run's files, the results copy and the JUnit XML are there.
def frontier = new File(basedir, 'target/frontier')
def log = new File(basedir, 'build.log').getText('UTF-8')

assert new File(frontier, 'frontier.db').isFile()
def runs = new File(frontier, 'reports/it-gate-passes').listFiles()
assert runs != null && runs.length == 1 : "one run folder expected under reports/it-gate-passes: ${runs}"
def run = runs[0]
// frontier:report re-rendered the folder (and so dropped the gate's junit.xml); frontier:recheck added recheck.md
['report.html', 'results.json', 'summary.md', 'recheck.md'].each {
    assert new File(run, it).isFile() : "${it} missing in ${run}"
}

def results = new groovy.json.JsonSlurper().parse(new File(frontier, 'results.json'))
assert results.runId == run.name
assert results.suite == 'it-gate-passes'
assert results.candidates*.id == ['nova-lite', 'nova-micro']

def junit = new groovy.xml.XmlSlurper().parse(new File(frontier, 'junit/TEST-frontier-it-gate-passes.xml'))
// the last gate check (frontier:gate, with the baseline) is the one published
assert junit.@tests.text() == '3'
assert junit.@failures.text() == '0'
assert junit.@skipped.text() == '0'

assert log.contains('[INFO] passed   quality >= 0.5 (nova-lite)')
// frontier:run without a baseline, frontier:gate with one (a path read from the project's folder)
assert log.contains('[INFO] gates passed: 2 passed, 0 failed, 1 skipped')
assert log.contains('[INFO] gates passed: 3 passed, 0 failed, 0 skipped')
// frontier:gate, frontier:report and frontier:recheck found the run through target/frontier/results.json
['gate', 'report', 'recheck'].each { assert log =~ /frontier-maven-plugin:[^:]+:${it} \(default-cli\)/ }
assert log.contains("[INFO] report: ${run}${File.separator}report.html")
assert log.contains("[INFO] decision now:")
assert log.contains('BUILD SUCCESS')
