/// A small evaluation fixture, embedded because the test target has no resources.
///
/// `qrels` is the Cranfield judgments of queries 3 to 8, copied from `eval/cranfield/qrels.txt`.
/// `run` is synthetic: for queries 3, 4, 5, 6 and 8 it retrieves all but one judged document plus
/// random unjudged ones (20 per query, 110 for query 8 so that the rank-100 cut-off matters), with
/// one-decimal scores so that equal scores are common; the lines are shuffled, so only the scores
/// define the ranking. Query 5 lists document 300 twice (the higher score counts), query 7 is
/// missing from the run, and query 500 is not in the qrels.
enum ReferenceFixture {
    static let qrels = """
3 0 5 2
3 0 6 2
3 0 90 2
3 0 91 2
3 0 119 2
3 0 144 2
3 0 181 2
3 0 399 2
3 0 485 0
4 0 166 2
4 0 236 2
4 0 488 0
5 0 401 2
5 0 488 0
5 0 552 4
5 0 1296 4
5 0 1297 2
6 0 99 3
6 0 115 2
6 0 257 2
6 0 258 2
6 0 491 0
7 0 19 1
7 0 20 3
7 0 56 2
7 0 57 2
7 0 58 2
7 0 492 0
8 0 20 2
8 0 48 4
8 0 58 2
8 0 122 4
8 0 196 2
8 0 197 2
8 0 354 4
8 0 360 4
8 0 492 0
8 0 999 2
8 0 1005 4
8 0 1112 2
"""

    static let run = """
5 Q0 300 21 25.0 fixture
8 Q0 258 81 6.2 fixture
8 Q0 797 54 10.3 fixture
8 Q0 948 46 12.1 fixture
8 Q0 331 38 13.5 fixture
6 Q0 689 4 15.7 fixture
8 Q0 844 37 13.6 fixture
6 Q0 956 13 7.8 fixture
8 Q0 32 21 16.2 fixture
8 Q0 351 107 0.8 fixture
8 Q0 721 72 7.0 fixture
8 Q0 482 20 16.6 fixture
8 Q0 598 28 14.9 fixture
8 Q0 77 7 18.5 fixture
8 Q0 333 57 9.9 fixture
8 Q0 567 65 8.1 fixture
8 Q0 1291 64 8.2 fixture
5 Q0 1190 15 3.9 fixture
8 Q0 252 2 19.7 fixture
3 Q0 227 3 17.5 fixture
4 Q0 101 5 16.1 fixture
8 Q0 1268 25 15.7 fixture
8 Q0 577 36 13.7 fixture
8 Q0 131 8 18.5 fixture
8 Q0 119 41 13.0 fixture
4 Q0 936 19 3.7 fixture
8 Q0 541 110 0.0 fixture
8 Q0 1200 29 14.9 fixture
8 Q0 597 106 1.7 fixture
500 Q0 547 4 14.7 fixture
3 Q0 1006 13 10.5 fixture
4 Q0 988 15 7.2 fixture
8 Q0 1139 9 18.2 fixture
3 Q0 90 18 6.2 fixture
6 Q0 1065 10 8.5 fixture
8 Q0 124 76 6.7 fixture
8 Q0 767 67 7.6 fixture
5 Q0 1250 2 18.3 fixture
8 Q0 118 92 3.6 fixture
5 Q0 1021 10 8.2 fixture
8 Q0 1027 74 7.0 fixture
4 Q0 460 10 9.9 fixture
5 Q0 1 17 1.7 fixture
8 Q0 360 47 11.9 fixture
6 Q0 316 2 16.9 fixture
8 Q0 645 105 1.7 fixture
3 Q0 485 10 12.9 fixture
500 Q0 694 10 11.4 fixture
4 Q0 236 8 13.9 fixture
8 Q0 1272 45 12.2 fixture
8 Q0 380 50 10.9 fixture
8 Q0 894 22 16.1 fixture
8 Q0 550 95 3.3 fixture
8 Q0 609 68 7.6 fixture
8 Q0 594 42 12.9 fixture
4 Q0 962 17 5.2 fixture
8 Q0 677 51 10.8 fixture
3 Q0 1122 9 14.3 fixture
8 Q0 1181 94 3.4 fixture
6 Q0 1020 6 10.3 fixture
4 Q0 166 2 18.5 fixture
8 Q0 208 34 14.3 fixture
6 Q0 1211 12 8.3 fixture
8 Q0 440 102 2.5 fixture
500 Q0 1320 11 11.2 fixture
8 Q0 1173 56 10.1 fixture
8 Q0 48 89 4.3 fixture
5 Q0 488 19 0.5 fixture
8 Q0 1260 44 12.3 fixture
8 Q0 934 31 14.5 fixture
4 Q0 963 11 9.3 fixture
8 Q0 1282 77 6.6 fixture
5 Q0 401 12 6.9 fixture
6 Q0 424 8 9.6 fixture
8 Q0 575 1 19.9 fixture
3 Q0 1258 7 16.9 fixture
4 Q0 292 1 19.2 fixture
6 Q0 889 1 19.1 fixture
8 Q0 492 3 19.6 fixture
3 Q0 1202 20 1.8 fixture
500 Q0 77 14 6.8 fixture
3 Q0 399 11 11.3 fixture
4 Q0 211 3 18.4 fixture
8 Q0 115 5 19.4 fixture
8 Q0 78 99 2.9 fixture
4 Q0 1374 20 0.7 fixture
8 Q0 1164 35 13.8 fixture
6 Q0 1171 9 9.4 fixture
8 Q0 193 97 3.1 fixture
8 Q0 1005 14 17.6 fixture
8 Q0 129 98 3.1 fixture
500 Q0 1354 20 2.2 fixture
8 Q0 1111 61 9.1 fixture
8 Q0 718 30 14.7 fixture
5 Q0 925 4 16.2 fixture
8 Q0 42 108 0.4 fixture
3 Q0 1173 12 11.1 fixture
8 Q0 58 88 4.4 fixture
8 Q0 1341 49 11.2 fixture
8 Q0 29 71 7.1 fixture
8 Q0 702 82 5.9 fixture
8 Q0 56 73 7.0 fixture
500 Q0 850 3 18.2 fixture
6 Q0 99 15 6.5 fixture
500 Q0 990 6 13.6 fixture
8 Q0 20 32 14.5 fixture
8 Q0 245 100 2.6 fixture
8 Q0 405 93 3.5 fixture
8 Q0 1153 70 7.4 fixture
500 Q0 517 12 8.4 fixture
8 Q0 873 53 10.4 fixture
5 Q0 189 5 15.7 fixture
5 Q0 300 20 0.3 fixture
8 Q0 828 103 2.4 fixture
4 Q0 880 12 9.2 fixture
8 Q0 648 16 17.1 fixture
3 Q0 119 16 8.0 fixture
4 Q0 1179 6 15.3 fixture
8 Q0 231 63 8.5 fixture
4 Q0 1284 4 16.2 fixture
8 Q0 525 62 8.9 fixture
8 Q0 635 52 10.8 fixture
5 Q0 552 18 1.0 fixture
8 Q0 1396 90 4.2 fixture
8 Q0 604 48 11.7 fixture
8 Q0 1323 85 5.2 fixture
5 Q0 1297 9 10.2 fixture
8 Q0 1244 13 17.7 fixture
8 Q0 1151 27 15.1 fixture
3 Q0 201 5 17.3 fixture
8 Q0 646 23 16.1 fixture
500 Q0 975 17 5.1 fixture
8 Q0 535 75 6.7 fixture
500 Q0 248 19 3.4 fixture
3 Q0 904 15 8.5 fixture
5 Q0 843 6 15.4 fixture
500 Q0 551 2 19.8 fixture
8 Q0 1373 60 9.2 fixture
5 Q0 408 8 10.4 fixture
8 Q0 1112 84 5.4 fixture
8 Q0 49 43 12.5 fixture
6 Q0 940 18 3.2 fixture
8 Q0 1103 10 18.2 fixture
6 Q0 1226 19 2.4 fixture
8 Q0 1149 69 7.5 fixture
8 Q0 527 6 19.1 fixture
8 Q0 1168 91 3.8 fixture
6 Q0 1277 17 5.3 fixture
8 Q0 1038 4 19.5 fixture
3 Q0 492 17 7.4 fixture
6 Q0 491 7 10.0 fixture
4 Q0 265 18 4.0 fixture
500 Q0 1253 7 13.2 fixture
8 Q0 122 26 15.6 fixture
8 Q0 1385 12 18.0 fixture
3 Q0 144 6 17.0 fixture
6 Q0 478 16 6.1 fixture
8 Q0 198 18 16.8 fixture
8 Q0 243 83 5.9 fixture
8 Q0 730 101 2.5 fixture
5 Q0 399 13 6.6 fixture
8 Q0 225 80 6.4 fixture
8 Q0 654 58 9.7 fixture
5 Q0 29 11 7.1 fixture
6 Q0 1267 20 1.6 fixture
6 Q0 350 14 6.9 fixture
8 Q0 895 87 4.5 fixture
5 Q0 759 3 17.8 fixture
8 Q0 849 104 1.8 fixture
5 Q0 171 14 6.1 fixture
3 Q0 91 2 17.8 fixture
3 Q0 6 1 19.6 fixture
4 Q0 250 14 8.7 fixture
4 Q0 1381 13 8.8 fixture
8 Q0 1150 33 14.5 fixture
500 Q0 1304 15 6.2 fixture
8 Q0 1217 78 6.6 fixture
4 Q0 469 16 5.8 fixture
3 Q0 166 19 2.8 fixture
500 Q0 1145 5 14.2 fixture
8 Q0 272 19 16.7 fixture
5 Q0 198 7 13.4 fixture
6 Q0 258 11 8.3 fixture
8 Q0 444 24 15.7 fixture
5 Q0 921 16 2.1 fixture
3 Q0 5 4 17.3 fixture
500 Q0 685 1 19.8 fixture
8 Q0 516 66 8.0 fixture
4 Q0 1275 7 14.3 fixture
8 Q0 999 59 9.6 fixture
8 Q0 1245 17 16.9 fixture
500 Q0 22 9 12.1 fixture
8 Q0 218 40 13.1 fixture
8 Q0 643 15 17.5 fixture
4 Q0 1072 9 13.3 fixture
5 Q0 1120 1 18.7 fixture
3 Q0 589 14 9.2 fixture
500 Q0 25 16 5.4 fixture
6 Q0 115 3 15.9 fixture
500 Q0 268 8 12.1 fixture
8 Q0 197 39 13.4 fixture
3 Q0 181 8 16.1 fixture
8 Q0 322 55 10.3 fixture
8 Q0 251 86 4.7 fixture
500 Q0 451 18 3.7 fixture
8 Q0 1205 96 3.2 fixture
500 Q0 1186 13 6.9 fixture
8 Q0 354 11 18.1 fixture
8 Q0 442 109 0.2 fixture
6 Q0 1390 5 15.6 fixture
8 Q0 854 79 6.5 fixture
"""
}
