from matcher.launcher import main

main()
