/* Runs Wazuh's OS_Match on requests "<hex pattern>\t<hex subject>" and prints "ERR <code>", "M" or "NO". */
#include "harness.h"
#include "shared.h"

int main(void)
{
	static char line[HARNESS_LINE_MAX], pattern[HARNESS_LINE_MAX], subject[HARNESS_LINE_MAX];

	while (harness_read(line, pattern, subject)) {
		OSMatch match;

		if (!OSMatch_Compile(pattern, &match, 0)) {
			printf("ERR %d\n", match.error);
			fflush(stdout);
			continue;
		}
		printf(OSMatch_Execute(subject, strlen(subject), &match) ? "M\n" : "NO\n");
		fflush(stdout);
		OSMatch_FreePattern(&match);
	}
	return 0;
}
