"""The under-fives a posyandu follows: enrolment from the register, lists, one child's record."""
