import sys

from conformance.driver.cli import main

sys.exit(main())
