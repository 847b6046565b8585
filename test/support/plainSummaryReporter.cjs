// Prints the run's outcome as one plain line ("N passed, N failed, N skipped") that tools
// reading a log can count without knowing Jest's own summary format.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = PlainSummaryReporter;
