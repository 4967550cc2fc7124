# fish completion for sla-report(1)
functions -q __sla_zones; or source (status dirname)/sla-tools.fish
complete -c sla-report -s u -l period -x -a 'day week month quarter year' -d 'Group rows by this period'
complete -c sla-report -s b -l by -x -a 'customer tier metric calendar tier,metric customer,tier' -d 'Group by these columns besides the period'
complete -c sla-report -s t -l top -x -d 'Worst overruns listed per group'
complete -c sla-report -s f -l format -x -a 'text tsv csv json markdown html' -d 'Output format'
complete -c sla-report -s l -l lang -x -a 'en zh' -d 'Language of labels'
complete -c sla-report -s p -l policy -x -a '(__sla_files_with_suffix .ini)' -d 'The contract (sla-policy(5))'
complete -c sla-report -s z -l tz -x -a '(__sla_zones)' -d 'Read periods in this time zone'
complete -c sla-report -s s -l strict -d 'A row that cannot be read is fatal'
complete -c sla-report -s q -l quiet -d 'No warnings, only errors'
complete -c sla-report -l max-line -x -d 'Longest line of the stream (e.g. 64M)'
complete -c sla-report -s h -l help -d 'Show the options and exit'
complete -c sla-report -s V -l version -d 'Show the version and exit'
