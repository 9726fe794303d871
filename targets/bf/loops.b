Prints the digits 0 to 9 with nested loops: a counter cell and an output cell
++++++++++[>+++++<-]>--  cell1 = 48 ('0')
<++++++++++              cell0 = 10
[>.+<-]                  print and increment ten times
++++++++++.              newline
