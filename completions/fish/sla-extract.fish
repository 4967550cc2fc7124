# fish completion for sla-extract(1)
functions -q __sla_zones; or source (status dirname)/sla-tools.fish
complete -c sla-extract -s r -l rules -r -F -d 'Also write a rules draft for the tiers to FILE'
complete -c sla-extract -s f -l format -x -a 'policy tsv' -d 'Policy draft, or the commitments as a table'
complete -c sla-extract -s e -l encoding -x -a 'UTF-8 UTF-16LE UTF-16BE GB18030 GBK' -d 'The letter\'s encoding'
complete -c sla-extract -s z -l tz -x -a '(__sla_zones)' -d 'The draft\'s timezone'
complete -c sla-extract -s v -l verbose -d 'Say each clause found and what it became'
complete -c sla-extract -s q -l quiet -d 'No warnings, only errors'
complete -c sla-extract -s h -l help -d 'Print the help and exit'
complete -c sla-extract -s V -l version -d 'Print the version and exit'
