"""``python -m touchline.eval``: per-category P/R/F1 for each eval set."""

import sys

from touchline.eval.runner import main

sys.exit(main())
