// frontier.skip: both goals said so and did nothing, so the failing gate could not fail the build.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('BUILD SUCCESS')
assert log.count('[INFO] frontier: skipped (frontier.skip)') == 2
assert !new File(basedir, 'target/frontier').exists()
