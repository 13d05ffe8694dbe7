"""Entity linking: the gazetteer of clubs, competitions and stadiums, and person-name resolution."""

from touchline.linking.gazetteer import Gazetteer, GazMention, default_gazetteer

__all__ = ["GazMention", "Gazetteer", "default_gazetteer"]
