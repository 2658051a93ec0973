// The typo ended the build at validate, named by file, line and column; nothing was run or written.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('BUILD FAILURE')
assert log.contains('frontier validate: invalid input (exit 2):')
assert log =~ /suite\.yaml:39:24 gates\[0\]\.mini: unknown key \(did you mean 'min'\?\)/
assert log.contains('frontier: 2 problems found; nothing was run')
assert !(log =~ /frontier-maven-plugin:[^:]+:run /)
assert !new File(basedir, 'target/frontier/results.json').exists()
assert !new File(basedir, 'target/frontier/frontier.db').exists()
// bad input is a message, never a stack trace
assert !log.contains('Caused by:')
assert !(log =~ /(?m)^\s+at (dev\.frontier|org\.apache\.maven\.lifecycle)\./)
