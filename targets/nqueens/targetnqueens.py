"""Counts the solutions of the n-queens problem by recursive backtracking.

    targetnqueens-c [N]

prints the number of ways to place N queens (default 8) on an N x N board
so that no two attack each other, and the first solution found.
"""

DEFAULT_N = 8
MAX_N = 14


def place(row, n, queens, cols, diag_down, diag_up, first):
    """Counts the completions of a board whose rows < row are filled.

    queens[r] is the column of the queen on row r; cols, diag_down and
    diag_up mark the occupied columns and diagonals.  The first complete
    solution is copied into `first` (which is empty until then).
    """
    if row == n:
        if len(first) == 0:
            for c in queens:
                first.append(c)
        return 1
    count = 0
    for col in range(n):
        down = row - col + n - 1
        up = row + col
        if cols[col] or diag_down[down] or diag_up[up]:
            continue
        queens[row] = col
        cols[col] = 1
        diag_down[down] = 1
        diag_up[up] = 1
        count += place(row + 1, n, queens, cols, diag_down, diag_up, first)
        cols[col] = 0
        diag_down[down] = 0
        diag_up[up] = 0
    return count


def solve(n, first):
    queens = [0] * n
    cols = [0] * n
    diag_down = [0] * (2 * n)
    diag_up = [0] * (2 * n)
    return place(0, n, queens, cols, diag_down, diag_up, first)


def board_row(n, col):
    line = ""
    for c in range(n):
        if c == col:
            line += "Q"
        else:
            line += "."
    return line


def entry_point(argv):
    n = DEFAULT_N
    if len(argv) > 1:
        n = int(argv[1])
    if n < 1 or n > MAX_N:
        print("error: N must be between 1 and", MAX_N)
        return 1
    first = []
    count = solve(n, first)
    print(n, "queens:", count, "solutions")
    for col in first:
        print(board_row(n, col))
    return 0


def target(driver, args):
    driver.exe_name = "targetnqueens-c"
    return entry_point, None
