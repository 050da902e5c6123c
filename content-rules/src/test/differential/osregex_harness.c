/*
 * Runs Wazuh's OS_Regex on requests "<C|N><hex pattern>\t<hex subject>" (C: compiled with
 * OS_RETURN_SUBSTRING, N: without) and prints "ERR <code>", "NO", or "M <offset of the returned pointer>"
 * followed by each captured group as " <hex>.".
 */
#include "harness.h"
#include "shared.h"

int main(void)
{
	static char line[HARNESS_LINE_MAX], pattern[HARNESS_LINE_MAX], subject[HARNESS_LINE_MAX];

	while (harness_read(line, pattern, subject)) {
		int flags = line[0] == 'C' ? OS_RETURN_SUBSTRING : 0;
		regex_matching matching;
		const char *returned;
		OSRegex regex;

		if (!OSRegex_Compile(pattern, &regex, flags)) {
			printf("ERR %d\n", regex.error);
			fflush(stdout);
			continue;
		}
		memset(&matching, 0, sizeof(matching));
		returned = OSRegex_Execute_ex(subject, &regex, &matching);
		if (!returned) {
			printf("NO\n");
		} else {
			printf("M %ld", (long)(returned - subject));
			for (int i = 0; matching.sub_strings && matching.sub_strings[i]; i++) {
				const char *group = matching.sub_strings[i];

				printf(" ");
				harness_print_hex(group, group + strlen(group));
				printf(".");
			}
			printf("\n");
		}
		fflush(stdout);
		OSRegex_free_regex_matching(&matching);
		OSRegex_FreePattern(&regex);
	}
	return 0;
}
