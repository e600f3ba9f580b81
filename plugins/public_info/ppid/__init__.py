"""The PPID desk: information requests, their deadlines, answers and objections."""
